CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL
);
GRANT SELECT, INSERT, UPDATE, DELETE ON users TO zdplan_test_app;
GRANT SELECT (id) ON users TO zdplan_test_ro;
