CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    username text NOT NULL,
    tenant_id bigint NOT NULL,
    deleted_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX users_created_at_idx ON users (created_at);
CREATE INDEX users_tenant_id_idx ON users USING btree (tenant_id);
