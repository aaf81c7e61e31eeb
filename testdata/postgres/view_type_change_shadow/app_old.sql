INSERT INTO orders (id, quantity, note) VALUES (10000 + :n, 11, 'old');
UPDATE orders SET quantity = quantity + 1 WHERE id = :n;
SELECT quantity FROM big_orders WHERE id = 10000 + :n;
SELECT n, total FROM big_order_count;
