-- A table split, a column rename, a SET NOT NULL and a new NOT NULL column
-- with backfills, and a type change, on names that need quoting everywhere:
-- reserved words, mixed case, spaces, backticks, semicolons and "--".
CREATE TABLE `User; Data` (
  `ID` bigint NOT NULL PRIMARY KEY,
  `Note; -- New` varchar(100), -- zdplan:renamed-from `note; -- old`
  `select` varchar(100) NOT NULL,
  `group` varchar(50) NOT NULL, -- zdplan:backfill 'none; -- really'
  `Age; Text` int, -- zdplan:using CAST(NULLIF(`Age; Text`, '') AS SIGNED)
  `order` int NOT NULL, -- zdplan:backfill CHAR_LENGTH(`select`)
  KEY `idx; ``select`` -- x` (`select`),
  UNIQUE KEY `Unique -- "Order"` (`ID`, `order`),
  CONSTRAINT `check; -- ``select``` CHECK (`select` <> '')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- zdplan:split-from `User; Data` on `user id` = `ID`
CREATE TABLE `Address -- Book` (
  `user id` bigint NOT NULL PRIMARY KEY,
  `Street -- Line` varchar(100),
  `zip ``code``` varchar(20),
  CONSTRAINT `fk; -- user` FOREIGN KEY (`user id`) REFERENCES `User; Data` (`ID`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
