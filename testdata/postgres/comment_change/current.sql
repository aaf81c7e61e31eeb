CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL
);

COMMENT ON TABLE users IS 'Users.';
COMMENT ON COLUMN users.email IS 'E-mail address';
