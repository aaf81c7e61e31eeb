CREATE TABLE customers (
  id bigint PRIMARY KEY,
  email text,
  phone text,
  notes text
);
GRANT SELECT ON customers TO zdplan_test_ro;
GRANT SELECT (id, email, phone), UPDATE (email, phone) ON customers TO zdplan_test_app;
GRANT INSERT ON customers TO zdplan_test_app WITH GRANT OPTION;
GRANT SELECT, UPDATE ON customers TO zdplan_test_admin WITH GRANT OPTION;
