INSERT INTO people (name) VALUES (CONCAT('new draft ', @n));
UPDATE people SET name = CONCAT('new', @n) WHERE name = CONCAT('new draft ', @n);
INSERT INTO orders (id, user_id) SELECT @n, id FROM people WHERE name = CONCAT('new', @n);
SELECT p.name FROM people AS p JOIN orders AS o ON o.user_id = p.id WHERE o.id = @n;
