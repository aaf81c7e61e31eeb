-- Numeric, temporal and generated columns; prefix, descending, fulltext keys.
CREATE TABLE `products` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `sku` char(12) NOT NULL,
  `name` varchar(255) NOT NULL,
  `description` text,
  `price` decimal(10,2) NOT NULL DEFAULT 0,
  `cost` DEC(10, 2) unsigned DEFAULT '0.5',
  `weight` float(7,2) DEFAULT NULL,
  `ratio` double DEFAULT -0.50,
  `flags` bit(8) NOT NULL DEFAULT b'00000101',
  `tags` set('new','sale','clearance') NOT NULL DEFAULT 'new,sale',
  `code` int(6) unsigned zerofill DEFAULT NULL,
  `launch_year` year(4) DEFAULT NULL,
  `launch_date` date DEFAULT '2020-01-01',
  `opens` time(2) DEFAULT '09:30',
  `updated` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  `price_with_tax` decimal(12,2) AS (price * 1.2) VIRTUAL,
  `name_upper` varchar(255) GENERATED ALWAYS AS (upper(`name`)) STORED,
  `stock` int NOT NULL DEFAULT (10 + 5),
  `ext_id` varchar(36) DEFAULT uuid(),
  PRIMARY KEY (`id`),
  UNIQUE KEY `sku` (`sku`),
  KEY `name_prefix` (`name`(20)),
  KEY `price_desc` (`price` DESC),
  FULLTEXT KEY `ft_desc` (`name`, `description`),
  CONSTRAINT `price_positive` CHECK (`price` >= 0),
  CHECK (`cost` <= `price` OR `cost` IS NULL),
  CHECK (NOT (`name` LIKE '%\\_%'))
) ENGINE=InnoDB AUTO_INCREMENT=1000 DEFAULT CHARSET=utf8mb4 ROW_FORMAT=DYNAMIC;

CREATE TABLE `warehouses` (
  `id` smallint NOT NULL,
  `region` varchar(10) NOT NULL,
  PRIMARY KEY (`id`, `region`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `stock` (
  `product_id` int unsigned NOT NULL,
  `warehouse_id` smallint NOT NULL,
  `region` varchar(10) NOT NULL,
  `qty` mediumint NOT NULL DEFAULT 0,
  PRIMARY KEY (`product_id`, `warehouse_id`),
  FOREIGN KEY (`product_id`) REFERENCES `products` (`id`),
  FOREIGN KEY (`warehouse_id`, `region`) REFERENCES `warehouses` (`id`, `region`) ON UPDATE CASCADE,
  KEY `wh_region_qty` (`warehouse_id`, `region`, `qty`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
