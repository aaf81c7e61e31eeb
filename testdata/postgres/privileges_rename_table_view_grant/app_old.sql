SET ROLE zdplan_test_app;
INSERT INTO users (id, email) VALUES (:n, 'draft');
UPDATE users SET email = 'old' || :n || '@example.com' WHERE id = :n;
SELECT id, email FROM users WHERE id = :n;
INSERT INTO users (id, email) VALUES (:n + 500000, 'doomed');
DELETE FROM users WHERE id = :n + 500000;
