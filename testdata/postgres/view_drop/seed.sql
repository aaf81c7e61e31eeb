INSERT INTO users (id, email, display_name, is_active) VALUES
    (1, 'alice@example.com', 'Alice', true),
    (2, 'bob@example.com', NULL, false),
    (3, 'carol@example.com', 'Carol', true);
INSERT INTO orders (id, user_id, total, placed_at) VALUES
    (10, 1, 19.99, '2024-05-01 10:00:00+00'),
    (11, 1, 5.00, '2024-05-02 10:00:00+00'),
    (12, 3, 120.00, '2024-05-03 10:00:00+00');
