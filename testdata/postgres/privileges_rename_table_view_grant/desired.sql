-- zdplan:renamed-from users
CREATE TABLE people (
  id bigint PRIMARY KEY,
  email text NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE ON people TO zdplan_test_app;
GRANT SELECT (id) ON people TO zdplan_test_ro;
