-- A table split, a column rename, a SET NOT NULL and a new NOT NULL column
-- with backfills, and a type change, on names that need quoting everywhere:
-- reserved words, mixed case, spaces, backticks, semicolons and "--".
CREATE TABLE `User; Data` (
  `ID` bigint NOT NULL PRIMARY KEY,
  `note; -- old` varchar(100),
  `select` varchar(100) NOT NULL,
  `Street -- Line` varchar(100),
  `zip ``code``` varchar(20),
  `group` varchar(50),
  `Age; Text` varchar(20),
  KEY `idx; ``select`` -- x` (`select`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
