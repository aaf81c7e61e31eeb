INSERT INTO users (id, email, age) VALUES (1, 'alice@example.com', 30);
INSERT INTO orders (user_id, status, total) VALUES (1, 'new', 12.50);
