CREATE EXTENSION IF NOT EXISTS citext;
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email citext NOT NULL,
  balance integer NOT NULL DEFAULT 0,
  updated_at timestamptz
);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
