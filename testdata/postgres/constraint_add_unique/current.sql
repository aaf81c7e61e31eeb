CREATE TABLE users (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    email text NOT NULL,
    slug text NOT NULL
);
