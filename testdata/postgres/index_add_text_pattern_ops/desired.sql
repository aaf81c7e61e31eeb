CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    username text NOT NULL,
    tenant_id bigint NOT NULL,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_username_pattern_idx ON users (username text_pattern_ops);
CREATE INDEX users_email_lower_pattern_idx ON users (lower(email) text_pattern_ops);
