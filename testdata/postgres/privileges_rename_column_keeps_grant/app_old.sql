SET ROLE zdplan_test_app;
INSERT INTO person (id, first_name, last_name, score) VALUES (:n, 'old', 'draft', '1');
UPDATE person SET last_name = 'old' || :n, score = '7' WHERE id = :n;
SELECT id, first_name, last_name, score FROM person WHERE id = :n;
