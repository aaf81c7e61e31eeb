INSERT INTO orders (id, total) VALUES (1, 10.00), (2, 15.50);
INSERT INTO reporting.snapshots (id, order_count) VALUES (1, 2);
