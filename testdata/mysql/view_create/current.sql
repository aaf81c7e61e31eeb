CREATE TABLE employees (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL,
    department varchar(50) NOT NULL,
    salary decimal(10,2) NOT NULL,
    active tinyint(1) NOT NULL DEFAULT 1
);

