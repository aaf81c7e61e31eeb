CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    display_name text,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    total numeric(10,2) NOT NULL,
    placed_at timestamptz NOT NULL DEFAULT now()
);

CREATE VIEW active_users AS
    SELECT id, email, display_name
    FROM users
    WHERE is_active;

CREATE VIEW active_user_emails AS
    SELECT id, lower(email) AS email
    FROM active_users;
