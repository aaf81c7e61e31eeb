CREATE TABLE customers (
    id bigint PRIMARY KEY,
    tenant_id bigint NOT NULL,
    email text NOT NULL
);

CREATE INDEX customers_tenant_id_idx ON customers (tenant_id);
