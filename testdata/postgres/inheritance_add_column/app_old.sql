INSERT INTO cars (id, name) VALUES (1000 + :n, 'old car ' || :n);
INSERT INTO bikes (id, name, gears) VALUES (3000 + :n, 'old bike ' || :n, 3);
INSERT INTO boats (id, name, length) VALUES (5000 + :n, 'old boat ' || :n, 7);
SELECT count(*) FROM vehicles WHERE name LIKE 'car%';
UPDATE cars SET doors = 5 WHERE id = 100 + :n;
