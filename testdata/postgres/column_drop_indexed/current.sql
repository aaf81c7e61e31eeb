CREATE TABLE customers (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    email text NOT NULL,
    legacy_code varchar(20),
    last_synced_at timestamptz
);

CREATE INDEX customers_last_synced_at_idx ON customers (last_synced_at);
CREATE UNIQUE INDEX customers_tenant_legacy_code_idx ON customers (tenant_id, legacy_code);
CREATE INDEX customers_tenant_id_idx ON customers (tenant_id);
