-- Views: aliases, *, column lists, joins, check options, view over view.
CREATE TABLE customers (
  id int NOT NULL PRIMARY KEY,
  name varchar(100) NOT NULL,
  country char(2) NOT NULL DEFAULT 'NL',
  vip tinyint(1) NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE orders (
  id int NOT NULL PRIMARY KEY,
  customer_id int NOT NULL,
  total decimal(12,2) NOT NULL,
  placed_at datetime NOT NULL,
  KEY (customer_id),
  CONSTRAINT orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE VIEW vip_customers AS SELECT id, name FROM customers WHERE vip = 1;

CREATE OR REPLACE ALGORITHM=MERGE DEFINER=CURRENT_USER SQL SECURITY INVOKER VIEW dutch (customer_id, customer_name)
  AS SELECT c.id, c.name FROM customers AS c WHERE c.country = 'NL'
  WITH CHECK OPTION;

CREATE VIEW everything AS SELECT * FROM customers;

CREATE VIEW order_totals AS
  SELECT o.customer_id, count(*) AS orders, sum(total) AS revenue, max(placed_at) last_order
  FROM orders o
  GROUP BY o.customer_id
  HAVING count(*) > 1;

CREATE VIEW customer_orders AS
  SELECT c.name, o.total, o.placed_at
  FROM customers c JOIN orders o ON o.customer_id = c.id
  WHERE o.total > 100;

CREATE VIEW top_vips AS SELECT name FROM vip_customers ORDER BY name LIMIT 10;
