CREATE TABLE orders (
  id bigint PRIMARY KEY,
  quantity integer NOT NULL DEFAULT 1,
  note text
);
CREATE VIEW big_orders AS SELECT id, quantity FROM orders WHERE quantity > 10;
CREATE VIEW big_order_count AS SELECT count(*) AS n, sum(quantity) AS total FROM big_orders;
