INSERT INTO users (name) VALUES ('old draft ' || :n);
UPDATE users SET name = 'old' || :n WHERE name = 'old draft ' || :n;
INSERT INTO orders (id, user_id) SELECT :n, id FROM users WHERE name = 'old' || :n;
SELECT u.name FROM users AS u JOIN orders AS o ON o.user_id = u.id WHERE o.id = :n;
INSERT INTO users (name) VALUES ('doomed' || :n);
DELETE FROM users WHERE name = 'doomed' || :n;
