CREATE TABLE users (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    display_name varchar(60) NOT NULL,
    city varchar(255) DEFAULT NULL,
    KEY users_city (city)
) DEFAULT CHARSET=utf8mb4;
