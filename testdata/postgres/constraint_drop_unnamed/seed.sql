INSERT INTO users (id, email, age) VALUES (1, 'alice@example.com', 34), (2, 'bob@example.com', NULL);
INSERT INTO orders (id, user_id, total) VALUES (10, 1, 25.00), (11, 2, 0.00);
