CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE login_audit (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    ip inet,
    logged_in_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX login_audit_user_id_idx ON login_audit (user_id);
