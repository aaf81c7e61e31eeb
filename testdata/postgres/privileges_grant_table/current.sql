CREATE SCHEMA app;
CREATE TABLE app.accounts (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  secret text
);
CREATE TABLE public."Order Items" (
  id serial PRIMARY KEY,
  account_id bigint REFERENCES app.accounts (id),
  qty integer
);
CREATE VIEW app.account_names AS SELECT id, name FROM app.accounts;
GRANT USAGE ON SCHEMA app TO zdplan_test_ro;
-- Hardened: nobody but the owner may use the public schema.
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT SELECT ON app.account_names TO zdplan_test_ro;
