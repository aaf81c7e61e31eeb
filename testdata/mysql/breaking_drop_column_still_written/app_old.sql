INSERT INTO orders (id, total, legacy_code) VALUES (@n, 10.00, CONCAT('old', @n));
UPDATE orders SET legacy_code = CONCAT('upd', @n), total = 11.00 WHERE id = @n;
SELECT id, total, legacy_code FROM orders WHERE id = @n;
