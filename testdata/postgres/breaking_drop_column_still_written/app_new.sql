INSERT INTO orders (id, total) VALUES (:n, 20.00);
SELECT id, total FROM orders WHERE id = :n;
