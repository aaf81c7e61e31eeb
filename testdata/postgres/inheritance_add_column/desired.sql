-- A column added to the parent is the children's too: it is added once.
CREATE TABLE vehicles (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  color text,
  CHECK (name <> '')
);
CREATE TABLE cars (doors integer NOT NULL DEFAULT 4) INHERITS (vehicles);
-- A column of the child's own.
CREATE TABLE bikes (gears integer, electric boolean) INHERITS (vehicles);
-- ALTER TABLE ... INHERIT, once it has the new column too.
CREATE TABLE boats (length numeric) INHERITS (vehicles);
-- ALTER TABLE ... NO INHERIT: it keeps the columns it took from the parent.
CREATE TABLE trains (
  id bigint NOT NULL,
  name text NOT NULL,
  cars integer,
  CONSTRAINT vehicles_name_check CHECK (name <> '')
);
