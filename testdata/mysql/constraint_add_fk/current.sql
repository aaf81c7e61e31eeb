CREATE TABLE users (
    id int NOT NULL AUTO_INCREMENT,
    email varchar(255) NOT NULL,
    PRIMARY KEY (id)
) ENGINE=InnoDB;

CREATE TABLE orders (
    id bigint NOT NULL PRIMARY KEY,
    user_id int NOT NULL,
    total decimal(10,2) NOT NULL,
    KEY orders_user_id (user_id)
) ENGINE=InnoDB;
