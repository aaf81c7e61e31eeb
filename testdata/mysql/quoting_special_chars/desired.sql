CREATE TABLE `order items` (
    `line id` int NOT NULL,
    `unit price` decimal(12,2) NOT NULL DEFAULT 0.00 COMMENT 'price in `EUR`, it''s net',
    `weird``name` varchar(40) DEFAULT NULL,
    `Mixed.Case` int DEFAULT NULL,
    `note (internal)` varchar(100) DEFAULT 'n/a',
    PRIMARY KEY (`line id`),
    KEY `idx ``weird`` name` (`weird``name`),
    KEY `Mixed.Case idx` (`Mixed.Case`)
);

CREATE TABLE `línea ñ` (
    `ïd` int NOT NULL PRIMARY KEY,
    `line id` int NOT NULL,
    CONSTRAINT `fk to order items` FOREIGN KEY (`line id`) REFERENCES `order items` (`line id`) ON DELETE CASCADE
);
