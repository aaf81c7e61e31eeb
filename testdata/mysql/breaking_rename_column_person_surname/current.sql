-- The classic column rename: the old version writes last_name, the new one
-- surname; both are NOT NULL.
CREATE TABLE person (
  id bigint NOT NULL PRIMARY KEY,
  first_name varchar(100) NOT NULL,
  last_name varchar(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
