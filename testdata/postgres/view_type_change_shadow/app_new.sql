INSERT INTO orders (id, quantity, note) VALUES (20000 + :n, 12, 'new');
SELECT quantity FROM big_orders WHERE id = 20000 + :n;
