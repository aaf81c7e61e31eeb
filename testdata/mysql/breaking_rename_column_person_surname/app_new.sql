INSERT INTO person (id, first_name, surname) VALUES (@n, 'new', 'draft');
UPDATE person SET surname = CONCAT('new', @n) WHERE id = @n;
SELECT id, first_name, surname FROM person WHERE id = @n;
INSERT INTO person (id, first_name, surname) VALUES (@n + 500000, 'new', 'doomed');
DELETE FROM person WHERE id = @n + 500000;
