INSERT INTO tasks (id, status, note, score) VALUES (1, 'done', 'first', 3), (2, DEFAULT, 'second', NULL);
