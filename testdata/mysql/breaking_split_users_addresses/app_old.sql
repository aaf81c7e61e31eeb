INSERT INTO users (id, email, address_line_1) VALUES (@n, CONCAT('old', @n), 'draft');
UPDATE users SET address_line_1 = CONCAT('a1-', @n), address_line_2 = CONCAT('a2-', @n) WHERE id = @n;
INSERT INTO users (id, email) VALUES (@n + 300000, 'old without address');
SELECT email, address_line_1, address_line_2 FROM users WHERE id = @n;
INSERT INTO users (id, email, address_line_1) VALUES (@n + 500000, 'doomed', 'doomed');
DELETE FROM users WHERE id = @n + 500000;
