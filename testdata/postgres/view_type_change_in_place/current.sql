CREATE TABLE customers (
  id bigint PRIMARY KEY,
  "Full Name" character varying(50) NOT NULL,
  email text
);
CREATE VIEW customer_names AS SELECT id, "Full Name" FROM customers;
COMMENT ON VIEW customer_names IS 'names only';
-- A view over the view: it has to go and come back with it.
CREATE VIEW "select" AS SELECT "Full Name" FROM customer_names WHERE id > 0;
CREATE VIEW emails AS SELECT id, email FROM customers;
