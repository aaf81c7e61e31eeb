INSERT INTO cars (id, name, color) VALUES (2000 + :n, 'new car ' || :n, 'red');
INSERT INTO bikes (id, name, electric, color) VALUES (4000 + :n, 'new bike ' || :n, true, 'blue');
INSERT INTO boats (id, name, length, color) VALUES (6000 + :n, 'new boat ' || :n, 9, 'white');
SELECT count(*) FROM vehicles WHERE color = 'red';
