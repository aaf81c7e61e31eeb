CREATE FUNCTION next_code() RETURNS integer LANGUAGE sql VOLATILE AS $$ SELECT (random() * 1000)::integer $$;
CREATE FUNCTION valid_title(text) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT length($1) > 0 $$;
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
