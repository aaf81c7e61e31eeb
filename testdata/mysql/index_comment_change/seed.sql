INSERT INTO users VALUES (1, 'a@example.com', 'x'), (2, 'b@example.com', NULL);
