SET ROLE zdplan_test_app;
INSERT INTO people (id, email) VALUES (:n, 'draft');
UPDATE people SET email = 'new' || :n || '@example.com' WHERE id = :n;
SELECT id, email FROM people WHERE id = :n;
