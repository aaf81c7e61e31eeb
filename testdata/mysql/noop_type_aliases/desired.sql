-- The same table as SHOW CREATE TABLE prints it.
CREATE TABLE `measurements` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `sensor` int(11) NOT NULL,
  `ok` tinyint(1) NOT NULL DEFAULT 1,
  `calibrated` tinyint(1) DEFAULT NULL,
  `reading` decimal(10,0) DEFAULT NULL,
  `scaled` decimal(8,2) DEFAULT NULL,
  `ratio` double DEFAULT NULL,
  `precise` double DEFAULT NULL,
  `flag` char(1) DEFAULT NULL,
  `label` varchar(40) DEFAULT NULL,
  `tiny` tinyint(4) DEFAULT NULL,
  `big` bigint(20) DEFAULT NULL,
  `medium` mediumint(9) DEFAULT NULL,
  `counter` int(10) unsigned NOT NULL DEFAULT 0,
  UNIQUE KEY `id` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
