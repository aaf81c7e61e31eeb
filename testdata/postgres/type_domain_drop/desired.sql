CREATE SCHEMA billing;
CREATE TABLE billing.invoices (
    id bigint PRIMARY KEY,
    total numeric(12,2)
);
