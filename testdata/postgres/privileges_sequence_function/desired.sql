CREATE SEQUENCE invoice_no START 1000;
CREATE TABLE invoices (
  no bigint PRIMARY KEY DEFAULT nextval('invoice_no'),
  amount numeric(12,2)
);
CREATE FUNCTION invoice_total() RETURNS numeric LANGUAGE sql AS $$ SELECT coalesce(sum(amount), 0) FROM public.invoices $$;
CREATE TYPE invoice_state AS ENUM ('draft', 'sent');
GRANT USAGE, SELECT, UPDATE ON SEQUENCE invoice_no TO zdplan_test_app;
-- GRANT ... ON TABLE works for a sequence too.
GRANT SELECT ON TABLE invoice_no TO zdplan_test_ro;
GRANT SELECT, INSERT ON invoices TO zdplan_test_app;
-- Functions and types start with EXECUTE and USAGE for PUBLIC.
REVOKE ALL ON FUNCTION invoice_total() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION invoice_total() TO zdplan_test_app;
REVOKE USAGE ON TYPE invoice_state FROM PUBLIC;
GRANT USAGE ON TYPE invoice_state TO zdplan_test_app WITH GRANT OPTION;
