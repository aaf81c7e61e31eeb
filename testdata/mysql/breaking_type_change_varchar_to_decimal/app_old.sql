INSERT INTO payments (id, amount) VALUES (@n, '1.00');
UPDATE payments SET amount = CONCAT(@n % 1000, '.50') WHERE id = @n;
INSERT INTO payments (id) VALUES (@n + 300000);
UPDATE payments SET note = 'touched' WHERE id = @n % 1000 + 1;
SELECT amount FROM payments WHERE id = @n;
