CREATE TABLE profiles (
    id int NOT NULL PRIMARY KEY,
    nickname varchar(40) NOT NULL,
    country char(2) NOT NULL DEFAULT 'ZZ'
);
