-- The classic column rename: the old version writes last_name, the new one
-- surname; both are NOT NULL.
CREATE TABLE person (
  id bigint PRIMARY KEY,
  first_name text NOT NULL,
  last_name varchar(100) NOT NULL
);
