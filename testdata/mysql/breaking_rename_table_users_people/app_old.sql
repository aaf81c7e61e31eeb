INSERT INTO users (name) VALUES (CONCAT('old draft ', @n));
UPDATE users SET name = CONCAT('old', @n) WHERE name = CONCAT('old draft ', @n);
INSERT INTO orders (id, user_id) SELECT @n, id FROM users WHERE name = CONCAT('old', @n);
SELECT u.name FROM users AS u JOIN orders AS o ON o.user_id = u.id WHERE o.id = @n;
INSERT INTO users (name) VALUES (CONCAT('doomed', @n));
DELETE FROM users WHERE name = CONCAT('doomed', @n);
