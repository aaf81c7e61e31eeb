-- The return type changes: the function is dropped and created again,
-- with the default that calls it taken off and put back.
CREATE FUNCTION next_code() RETURNS bigint LANGUAGE sql VOLATILE AS $$ SELECT (random() * 1000000)::bigint $$;
-- A parameter gets a name: dropped and created again, with the CHECK that
-- calls it dropped first and put back NOT VALID, then validated in backfill.
CREATE FUNCTION valid_title(title text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length(title) > 0 $$;
CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  code bigint DEFAULT next_code(),
  title text,
  CONSTRAINT tickets_title_check CHECK (valid_title(title))
);
CREATE FUNCTION title_upper() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.title := upper(NEW.title);
  RETURN NEW;
END
$$;
CREATE TRIGGER tickets_title BEFORE INSERT ON tickets FOR EACH ROW EXECUTE FUNCTION title_upper();
