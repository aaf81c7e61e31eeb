CREATE EXTENSION IF NOT EXISTS citext;
-- A new function a new column's default calls: created before the column.
CREATE FUNCTION default_region() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT 'eu' $$;
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email citext NOT NULL,
  balance integer NOT NULL DEFAULT 0,
  updated_at timestamptz,
  "Region" text DEFAULT default_region()
);
-- The body changes: CREATE OR REPLACE.
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION touch() IS 'stamps updated_at';
CREATE FUNCTION audit_negative() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE NOTICE 'negative balance on %', NEW.id;
  RETURN NEW;
END
$$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
-- A new trigger with a column list and a WHEN condition.
CREATE TRIGGER "Accounts negative" AFTER UPDATE OF balance ON accounts
  FOR EACH ROW WHEN (NEW.balance < 0) EXECUTE FUNCTION audit_negative();
