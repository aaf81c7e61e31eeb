CREATE TABLE profiles (
    id int NOT NULL PRIMARY KEY,
    nickname varchar(40) DEFAULT NULL,
    country char(2) NULL
);
