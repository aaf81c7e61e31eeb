CREATE TABLE vehicles (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  CHECK (name <> '')
);
CREATE TABLE cars (doors integer NOT NULL DEFAULT 4) INHERITS (vehicles);
CREATE TABLE bikes (gears integer) INHERITS (vehicles);
-- Not a child yet: it has the parent's columns and check already.
CREATE TABLE boats (
  id bigint NOT NULL,
  name text NOT NULL,
  length numeric,
  CONSTRAINT vehicles_name_check CHECK (name <> '')
);
-- A child that leaves its parent.
CREATE TABLE trains (cars integer) INHERITS (vehicles);
