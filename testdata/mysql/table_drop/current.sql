CREATE TABLE users (
    id int NOT NULL PRIMARY KEY,
    email varchar(255) NOT NULL
);

CREATE TABLE user_sessions (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    user_id int NOT NULL,
    token char(64) NOT NULL,
    UNIQUE KEY user_sessions_token (token),
    CONSTRAINT user_sessions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

CREATE TABLE audit_log (
    id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message text NOT NULL
) ENGINE=InnoDB;
