CREATE TABLE orders (
  id bigint NOT NULL PRIMARY KEY,
  total decimal(12,2) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
