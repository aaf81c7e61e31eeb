INSERT INTO person (id, first_name, last_name) VALUES (@n, 'old', 'draft');
UPDATE person SET last_name = CONCAT('old', @n) WHERE id = @n;
UPDATE person SET first_name = CONCAT('touched by ', @n) WHERE id = @n % 1000 + 1;
SELECT id, first_name, last_name FROM person WHERE id = @n;
INSERT INTO person (id, first_name, last_name) VALUES (@n + 500000, 'old', 'doomed');
DELETE FROM person WHERE id = @n + 500000;
