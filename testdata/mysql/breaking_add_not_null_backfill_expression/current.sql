-- A NOT NULL column without a default, whose existing rows get a value
-- computed from another column.
CREATE TABLE accounts (
  id bigint NOT NULL PRIMARY KEY,
  email varchar(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
