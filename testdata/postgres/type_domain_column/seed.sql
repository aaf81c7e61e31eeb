INSERT INTO users (id, email) VALUES (1, 'a@example.com');
INSERT INTO legacy (id, flag) VALUES (1, 1);
