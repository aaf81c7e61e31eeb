-- A NOT NULL column without a default; existing rows, and rows the old
-- version inserts, get a constant.
CREATE TABLE tickets (
  id bigint NOT NULL PRIMARY KEY,
  title varchar(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
