INSERT INTO orders (id, total, legacy_code) VALUES (:n, 10.00, 'old' || :n);
UPDATE orders SET legacy_code = 'upd' || :n, total = 11.00 WHERE id = :n;
SELECT id, total, legacy_code FROM orders WHERE id = :n;
