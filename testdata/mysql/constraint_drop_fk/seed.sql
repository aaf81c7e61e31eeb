INSERT INTO users (id, email) VALUES (1, 'alice@example.com'), (2, 'bob@example.com');
INSERT INTO orders (id, user_id, total) VALUES (100, 1, 19.99), (101, 1, 5.00), (102, 2, 120.50);
