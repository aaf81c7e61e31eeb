INSERT INTO people (name) VALUES ('new draft ' || :n);
UPDATE people SET name = 'new' || :n WHERE name = 'new draft ' || :n;
INSERT INTO orders (id, user_id) SELECT :n, id FROM people WHERE name = 'new' || :n;
SELECT p.name FROM people AS p JOIN orders AS o ON o.user_id = p.id WHERE o.id = :n;
