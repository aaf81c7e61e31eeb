INSERT INTO tickets (id, title) VALUES (@n, CONCAT('old ', @n));
UPDATE tickets SET title = CONCAT(title, '!') WHERE id = @n;
SELECT title FROM tickets WHERE id = @n;
