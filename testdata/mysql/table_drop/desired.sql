CREATE TABLE users (
    id int NOT NULL PRIMARY KEY,
    email varchar(255) NOT NULL
);
