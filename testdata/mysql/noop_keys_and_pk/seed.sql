INSERT INTO users VALUES (1, 'a@example.com', 1, 'a', '2024-01-01 00:00:00'), (2, 'b@example.com', 1, 'b', '2024-01-02 00:00:00');
