CREATE TABLE `order` (
    `id` int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `key` varchar(40) NOT NULL,
    `group` varchar(50) NOT NULL DEFAULT 'default',
    `desc` text,
    `limit` int DEFAULT 10,
    UNIQUE KEY `unique` (`key`),
    KEY `primary_group` (`group`)
);

CREATE TABLE `select` (
    `from` int NOT NULL,
    `where` varchar(10),
    `order_id` int NOT NULL,
    `table` varchar(20) NOT NULL DEFAULT 'x',
    PRIMARY KEY (`from`),
    KEY `index` (`where`, `table`),
    CONSTRAINT `references` FOREIGN KEY (`order_id`) REFERENCES `order` (`id`),
    CONSTRAINT `check` CHECK (`from` >= 0)
);

CREATE VIEW `view` AS SELECT `o`.`key`, `s`.`where` FROM `order` `o` JOIN `select` `s` ON `s`.`order_id` = `o`.`id`;
