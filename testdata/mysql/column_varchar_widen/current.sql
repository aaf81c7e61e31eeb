CREATE TABLE users (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    display_name varchar(50) NOT NULL,
    city varchar(60) DEFAULT NULL,
    KEY users_city (city)
) DEFAULT CHARSET=utf8mb4;
