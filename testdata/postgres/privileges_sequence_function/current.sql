CREATE SEQUENCE invoice_no START 1000;
CREATE TABLE invoices (
  no bigint PRIMARY KEY DEFAULT nextval('invoice_no'),
  amount numeric(12,2)
);
CREATE FUNCTION invoice_total() RETURNS numeric LANGUAGE sql AS $$ SELECT coalesce(sum(amount), 0) FROM public.invoices $$;
CREATE TYPE invoice_state AS ENUM ('draft', 'sent');
GRANT SELECT ON invoice_no TO zdplan_test_ro;
