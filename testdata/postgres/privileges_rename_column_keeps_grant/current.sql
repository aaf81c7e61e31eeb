CREATE TABLE person (
  id bigint PRIMARY KEY,
  first_name text,
  last_name text,
  score text
);
-- The application's role may update only these columns.
GRANT SELECT, INSERT, DELETE ON person TO zdplan_test_app;
GRANT UPDATE (first_name, last_name, score) ON person TO zdplan_test_app;
-- Read by a view: the type change drops and creates it again around the swap.
CREATE VIEW person_names AS SELECT id, first_name FROM person;
GRANT SELECT ON person_names TO zdplan_test_ro;
