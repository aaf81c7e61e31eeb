INSERT INTO payments (id, amount) VALUES (@n, '2.00');
UPDATE payments SET amount = '7.75' WHERE id = @n;
SELECT amount FROM payments WHERE id = @n;
