-- A type change that copies the table goes through a shadow column; the
-- conversion is given as a hint.
CREATE TABLE payments (
  id bigint NOT NULL PRIMARY KEY,
  amount varchar(20) NOT NULL DEFAULT '0',
  note varchar(100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
