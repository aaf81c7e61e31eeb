CREATE TABLE customers (
  id bigint PRIMARY KEY,
  email text,
  phone text,
  notes text
);
GRANT SELECT ON customers TO zdplan_test_ro;
GRANT SELECT (notes) ON customers TO zdplan_test_ro;
GRANT SELECT (id, email, phone), UPDATE (email, phone) ON customers TO zdplan_test_app;
-- A REVOKE on the table revokes the privilege on its columns too.
REVOKE UPDATE ON customers FROM zdplan_test_app;
GRANT INSERT ON customers TO zdplan_test_app WITH GRANT OPTION;
REVOKE GRANT OPTION FOR INSERT ON customers FROM zdplan_test_app;
GRANT SELECT, UPDATE ON customers TO zdplan_test_admin WITH GRANT OPTION;
REVOKE UPDATE ON customers FROM zdplan_test_admin;
