CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

COMMENT ON TABLE users IS 'Registered end users of the web app.';
COMMENT ON COLUMN users.email IS 'Login e-mail; compared case-insensitively by the app.';
COMMENT ON COLUMN users.created_at IS 'When the user signed up (UTC).';
