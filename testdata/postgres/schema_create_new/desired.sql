CREATE SCHEMA billing;

CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL
);

CREATE TYPE billing.invoice_status AS ENUM ('draft', 'open', 'paid', 'void');

CREATE TABLE billing.invoices (
    id bigserial PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES public.users (id),
    status billing.invoice_status NOT NULL DEFAULT 'draft',
    amount numeric(10,2) NOT NULL CHECK (amount >= 0),
    issued_at timestamptz
);

CREATE INDEX invoices_user_id_idx ON billing.invoices (user_id);

COMMENT ON SCHEMA billing IS 'Invoicing';
