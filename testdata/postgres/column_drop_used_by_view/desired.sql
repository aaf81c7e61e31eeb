CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    is_active boolean NOT NULL DEFAULT true
);

CREATE VIEW user_directory AS
    SELECT id, email
    FROM users
    WHERE is_active;
