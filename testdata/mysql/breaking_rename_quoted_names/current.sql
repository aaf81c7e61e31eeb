-- Renames and a type change on names that need quoting everywhere: in the
-- triggers and the backfill procedure.
CREATE TABLE `Order Items` (
  `ID` bigint NOT NULL PRIMARY KEY,
  `Last ``Name``` varchar(100) NOT NULL,
  `user` varchar(20)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
