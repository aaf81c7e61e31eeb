CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    username text NOT NULL,
    tenant_id bigint NOT NULL,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_deleted_at_desc_idx ON users (deleted_at DESC NULLS LAST);
CREATE INDEX users_tenant_created_desc_idx ON users (tenant_id ASC, created_at DESC);
