CREATE TABLE products (
    id int NOT NULL AUTO_INCREMENT,
    sku varchar(32) NOT NULL,
    price decimal(10,2) NOT NULL,
    currency char(3) DEFAULT 'EUR',
    stock int DEFAULT 0,
    discontinued tinyint(1) DEFAULT 0,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
