INSERT INTO orders (id, amount) VALUES (:n, 7);
SELECT total, n FROM order_stats;
SELECT amount_list(amount) FROM orders WHERE id <= 10;
