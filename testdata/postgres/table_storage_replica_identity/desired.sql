-- fillfactor changes, autovacuum_enabled is reset, a parameter is added;
-- email_lower stops being generated (the application computes it from now on).
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text NOT NULL UNIQUE,
  balance numeric NOT NULL DEFAULT 0,
  email_lower text
) WITH (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.05);
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_email_key;

-- REPLICA IDENTITY FULL is gone: back to DEFAULT.
CREATE TABLE events (id bigint PRIMARY KEY, payload text);

CREATE TABLE ledger (id bigint PRIMARY KEY, account_id bigint NOT NULL, amount numeric NOT NULL);
ALTER TABLE ledger SET (autovacuum_enabled = off, parallel_workers = 2);
ALTER TABLE ledger RESET (parallel_workers);
ALTER TABLE ledger REPLICA IDENTITY NOTHING;

CREATE TABLE audit (id bigint PRIMARY KEY, note text) WITH (toast_tuple_target = 256);
ALTER TABLE audit REPLICA IDENTITY FULL;

-- a materialized view's parameters change in place, without repopulating it.
CREATE MATERIALIZED VIEW account_emails AS SELECT id, email FROM accounts;
ALTER MATERIALIZED VIEW account_emails SET (fillfactor = 90);
