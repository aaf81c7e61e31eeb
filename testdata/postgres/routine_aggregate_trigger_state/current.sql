CREATE TABLE orders (
  id bigint PRIMARY KEY,
  amount integer NOT NULL,
  note text
);
CREATE TABLE order_audit (
  order_id bigint NOT NULL
);
CREATE FUNCTION add_amount(bigint, integer) RETURNS bigint LANGUAGE sql IMMUTABLE AS $$ SELECT $1 + $2 $$;
CREATE AGGREGATE total_amount(integer) (SFUNC = add_amount, STYPE = bigint, INITCOND = 0);
-- Old-style spelling, as pre-8.2 dumps have it.
CREATE AGGREGATE amount_list (BASETYPE = integer, SFUNC = array_append, STYPE = integer[], INITCOND = '{}');
CREATE FUNCTION larger(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT greatest($1, $2) $$;
CREATE AGGREGATE largest_amount(integer) (SFUNC = larger, STYPE = integer);
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
ALTER TABLE orders DISABLE TRIGGER orders_note;
