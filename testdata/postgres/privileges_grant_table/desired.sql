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
-- A new table, under a reserved word.
CREATE TABLE public."select" (id integer PRIMARY KEY, note text);
-- Changed: the view is rebuilt, and loses its privileges unless they are
-- granted again.
CREATE VIEW app.account_names AS SELECT id, name, secret IS NOT NULL AS has_secret FROM app.accounts;
CREATE MATERIALIZED VIEW app.account_count AS SELECT count(*) AS n FROM app.accounts;

GRANT USAGE ON SCHEMA app TO zdplan_test_ro, zdplan_test_app;
GRANT SELECT ON app.account_names TO zdplan_test_ro;
-- ALL, then a REVOKE of part of it: the effective set is what counts.
GRANT ALL ON TABLE app.accounts TO zdplan_test_app;
REVOKE TRUNCATE, TRIGGER, REFERENCES ON app.accounts FROM zdplan_test_app;
GRANT SELECT, INSERT, UPDATE ON public."Order Items" TO zdplan_test_app WITH GRANT OPTION;
GRANT USAGE, SELECT ON SEQUENCE app.accounts_id_seq, public."Order Items_id_seq" TO zdplan_test_app;
GRANT SELECT ON app.account_count TO zdplan_test_ro;
GRANT SELECT ON public."select" TO PUBLIC;
