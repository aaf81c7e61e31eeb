CREATE TABLE profiles (
    id int NOT NULL PRIMARY KEY,
    nickname varchar(40) NULL,
    bio text,
    age tinyint unsigned DEFAULT 0
);
