CREATE TABLE users (
    id bigint unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
    email varchar(255) NOT NULL,
    created_at datetime NOT NULL DEFAULT CURRENT_TIMESTAMP,
    phone varchar(32),
    last_login_at datetime NULL,
    preferences json
) ENGINE=InnoDB;
