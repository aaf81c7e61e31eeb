CREATE TABLE `order` (
    `id` int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    `key` varchar(40) NOT NULL,
    `group` varchar(20) NOT NULL DEFAULT 'default',
    `desc` text
);

CREATE TABLE `select` (
    `from` int NOT NULL,
    `where` varchar(10),
    `order_id` int NOT NULL,
    PRIMARY KEY (`from`),
    KEY `index` (`where`)
);
