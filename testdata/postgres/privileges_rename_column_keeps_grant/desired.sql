CREATE TABLE person (
  id bigint PRIMARY KEY,
  first_name text,
  surname text, -- zdplan:renamed-from last_name
  score integer -- zdplan:using nullif(score, '')::integer
);
GRANT SELECT, INSERT, DELETE ON person TO zdplan_test_app;
GRANT UPDATE (first_name, surname, score) ON person TO zdplan_test_app;
-- Read by a view: the type change drops and creates it again around the swap.
CREATE VIEW person_names AS SELECT id, first_name FROM person;
GRANT SELECT ON person_names TO zdplan_test_ro;
