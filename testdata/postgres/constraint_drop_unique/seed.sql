INSERT INTO users (id, email, phone) VALUES (1, 'alice@example.com', '+1-555-0101'), (2, 'bob@example.com', NULL);
