INSERT INTO person (id, first_name, last_name) VALUES (:n, 'old', 'draft');
UPDATE person SET last_name = 'old' || :n WHERE id = :n;
UPDATE person SET first_name = 'touched by ' || :n WHERE id = :n % 2000 + 1;
SELECT id, first_name, last_name FROM person WHERE id = :n;
INSERT INTO person (id, first_name, last_name) VALUES (:n + 500000, 'old', 'doomed');
DELETE FROM person WHERE id = :n + 500000;
