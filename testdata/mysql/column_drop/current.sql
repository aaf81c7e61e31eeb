CREATE TABLE users (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email varchar(255) NOT NULL,
    legacy_token char(40) DEFAULT NULL,
    fax varchar(20),
    KEY users_legacy_token_idx (legacy_token)
);
