CREATE TABLE orders (
  id bigint PRIMARY KEY,
  amount integer NOT NULL,
  note text
);
CREATE TABLE order_audit (
  order_id bigint NOT NULL
);
CREATE FUNCTION add_amount(bigint, integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + $2 $$;
CREATE FUNCTION merge_amounts(bigint, bigint) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + $2 $$;
-- Options change, the result type does not: CREATE OR REPLACE AGGREGATE.
CREATE AGGREGATE total_amount(integer) (
  SFUNC = add_amount, STYPE = bigint, INITCOND = '0', COMBINEFUNC = merge_amounts, PARALLEL = SAFE
);
-- A final function changes the result type (integer[] to text): dropped
-- and created again in one transaction.
CREATE FUNCTION list_text(integer[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT array_to_string($1, ',') $$;
CREATE AGGREGATE amount_list(integer) (SFUNC = array_append, STYPE = integer[], INITCOND = '{}', FINALFUNC = list_text);
-- New, of no arguments, read by a new view.
CREATE AGGREGATE order_count(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
COMMENT ON AGGREGATE order_count(*) IS 'rows counted';
-- An aggregate's privileges are a function's.
REVOKE EXECUTE ON FUNCTION order_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION order_count() TO zdplan_test_app;
CREATE VIEW order_stats AS SELECT total_amount(amount) AS total, order_count(*) AS n FROM orders;
-- largest_amount and its state function are dropped.
CREATE FUNCTION log_order() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO order_audit (order_id) VALUES (NEW.id);
  RETURN NEW;
END
$$;
CREATE FUNCTION fill_note() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.note := coalesce(NEW.note, 'n/a');
  RETURN NEW;
END
$$;
CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION log_order();
CREATE TRIGGER orders_note BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION fill_note();
-- The old version relies on the audit rows: disabled in contract. The
-- note is filled for the new version: enabled in expand.
ALTER TABLE orders DISABLE TRIGGER orders_audit;
