-- A column the new version no longer uses: the old version keeps writing
-- it until contract drops it.
CREATE TABLE orders (
  id bigint NOT NULL PRIMARY KEY,
  total decimal(12,2) NOT NULL,
  legacy_code varchar(50) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
