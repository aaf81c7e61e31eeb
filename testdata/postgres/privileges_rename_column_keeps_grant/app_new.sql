SET ROLE zdplan_test_app;
INSERT INTO person (id, first_name, surname, score) VALUES (:n, 'new', 'draft', 1);
UPDATE person SET surname = 'new' || :n, score = 8 WHERE id = :n;
SELECT id, first_name, surname, score FROM person WHERE id = :n;
