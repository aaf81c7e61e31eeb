-- zdplan:renamed-from `Order Items`
CREATE TABLE `select` (
  `ID` bigint NOT NULL PRIMARY KEY,
  `from` varchar(100) NOT NULL, -- zdplan:renamed-from `Last ``Name```
  `user` int -- zdplan:using CAST(NULLIF(`user`, '') AS SIGNED)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
