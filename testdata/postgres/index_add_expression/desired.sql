CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    username text NOT NULL,
    tenant_id bigint NOT NULL,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX users_lower_email_idx ON users (lower(email));
CREATE INDEX users_created_day_idx ON users ((date_trunc('day', created_at AT TIME ZONE 'UTC')));
