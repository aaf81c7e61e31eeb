CREATE TABLE products (
    id int NOT NULL AUTO_INCREMENT,
    sku varchar(32) NOT NULL,
    price decimal(10,2) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
