CREATE SCHEMA app;
CREATE TABLE app.accounts (id bigint PRIMARY KEY, tenant_id bigint NOT NULL, owner text);
CREATE TABLE app.members (account_id bigint NOT NULL REFERENCES app.accounts (id), member text NOT NULL);
