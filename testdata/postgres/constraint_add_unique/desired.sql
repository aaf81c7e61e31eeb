CREATE TABLE users (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    email text NOT NULL,
    slug text NOT NULL,
    CONSTRAINT users_email_key UNIQUE (email),
    CONSTRAINT users_tenant_id_slug_key UNIQUE (tenant_id, slug)
);
