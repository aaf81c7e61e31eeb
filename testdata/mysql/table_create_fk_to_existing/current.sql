CREATE TABLE customers (
    id int unsigned NOT NULL AUTO_INCREMENT,
    name varchar(120) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
