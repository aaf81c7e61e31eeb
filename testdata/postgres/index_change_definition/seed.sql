INSERT INTO orders (id, user_id, reference, status, created_at) VALUES
    (1, 1, 'ORD-2024-0001', 'open', '2024-04-01 09:00:00+00'),
    (2, 1, 'ORD-2024-0002', 'shipped', '2024-04-02 09:00:00+00'),
    (3, 2, 'ORD-2024-0003', 'pending', '2024-04-03 09:00:00+00');
