CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL
);

COMMENT ON TABLE users IS 'Registered end users. Rows are never hard-deleted; see the user''s "deleted" flag.';
COMMENT ON COLUMN users.email IS E'Primary e-mail address.\nUnique per tenant.';
