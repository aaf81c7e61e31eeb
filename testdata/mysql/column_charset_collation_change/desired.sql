CREATE TABLE customers (
    id int NOT NULL PRIMARY KEY,
    name varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NOT NULL,
    email varchar(191) COLLATE utf8mb4_unicode_ci NOT NULL,
    code varchar(10) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    UNIQUE KEY customers_email (email)
) DEFAULT CHARSET=utf8mb4;
