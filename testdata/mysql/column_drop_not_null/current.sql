CREATE TABLE profiles (
    id int NOT NULL PRIMARY KEY,
    nickname varchar(40) NOT NULL,
    bio text NOT NULL,
    age tinyint unsigned NOT NULL DEFAULT 0
);
