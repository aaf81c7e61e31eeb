CREATE TABLE `order items` (
    `line id` int NOT NULL,
    `unit price` decimal(10,2) NOT NULL,
    `weird``name` varchar(20) DEFAULT NULL,
    `Mixed.Case` int DEFAULT NULL,
    PRIMARY KEY (`line id`)
);
