CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text NOT NULL UNIQUE,
  balance numeric NOT NULL DEFAULT 0,
  email_lower text GENERATED ALWAYS AS (lower(email)) STORED
) WITH (fillfactor = 70, autovacuum_enabled = false);

CREATE TABLE events (id bigint PRIMARY KEY, payload text);
ALTER TABLE events REPLICA IDENTITY FULL;

CREATE TABLE ledger (id bigint PRIMARY KEY, account_id bigint NOT NULL, amount numeric NOT NULL);

CREATE MATERIALIZED VIEW account_emails WITH (fillfactor = 70) AS SELECT id, email FROM accounts;
