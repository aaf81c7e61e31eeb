CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    phone varchar(32),
    last_login_at timestamptz,
    preferences jsonb
);
