CREATE SCHEMA app;

CREATE TYPE app.account_state AS ENUM ('active', 'suspended', 'closed');

CREATE TABLE app.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    state app.account_state NOT NULL DEFAULT 'active',
    billing_email text
);

CREATE TABLE app.members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL,
    email text NOT NULL,
    CONSTRAINT members_account_id_fkey FOREIGN KEY (account_id) REFERENCES app.accounts (id) ON DELETE CASCADE,
    CONSTRAINT members_email_check CHECK (position('@' in email) > 1)
);

CREATE UNIQUE INDEX members_account_id_email_idx ON app.members (account_id, lower(email));

CREATE VIEW app.active_accounts AS
    SELECT id, name, billing_email FROM app.accounts WHERE state = 'active';

CREATE SEQUENCE app.invoice_seq START WITH 1000;

COMMENT ON TABLE app.accounts IS 'Customer accounts';
COMMENT ON COLUMN app.accounts.billing_email IS 'Where invoices are sent';
