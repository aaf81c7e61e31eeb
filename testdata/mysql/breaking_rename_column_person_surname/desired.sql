CREATE TABLE person (
  id bigint NOT NULL PRIMARY KEY,
  first_name varchar(100) NOT NULL,
  surname varchar(100) NOT NULL -- zdplan:renamed-from last_name
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
