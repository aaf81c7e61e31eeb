CREATE SCHEMA billing;
CREATE DOMAIN billing.amount AS numeric(12,2) CHECK (VALUE >= 0);
CREATE DOMAIN billing.small_amount AS billing.amount CHECK (VALUE < 100);
COMMENT ON DOMAIN billing.amount IS 'money';
CREATE TABLE billing.invoices (
    id bigint PRIMARY KEY,
    total numeric(12,2)
);
