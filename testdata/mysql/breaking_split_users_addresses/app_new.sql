INSERT INTO users (id, email) VALUES (@n, CONCAT('new', @n));
INSERT INTO addresses (user_id, address_line_1) VALUES (@n, 'draft');
UPDATE addresses SET address_line_1 = CONCAT('a1-', @n), address_line_2 = CONCAT('a2-', @n) WHERE user_id = @n;
SELECT u.email, a.address_line_1 FROM users AS u LEFT JOIN addresses AS a ON a.user_id = u.id WHERE u.id = @n;
INSERT INTO users (id, email) VALUES (@n + 500000, 'doomed');
INSERT INTO addresses (user_id, address_line_1) VALUES (@n + 500000, 'doomed');
DELETE FROM addresses WHERE user_id = @n + 500000;
DELETE FROM users WHERE id = @n + 500000;
