CREATE TABLE customers (
    id int NOT NULL PRIMARY KEY,
    name varchar(100) CHARACTER SET latin1 NOT NULL,
    email varchar(191) COLLATE utf8mb4_general_ci NOT NULL,
    code varchar(10) NOT NULL,
    UNIQUE KEY customers_email (email)
) DEFAULT CHARSET=utf8mb4;
