CREATE SCHEMA app;

CREATE TYPE app.account_state AS ENUM ('active', 'closed');

CREATE TABLE app.accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL,
    state app.account_state NOT NULL DEFAULT 'active'
);

CREATE TABLE app.members (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL,
    email text NOT NULL
);

CREATE VIEW app.active_accounts AS
    SELECT id, name FROM app.accounts WHERE state = 'active';
