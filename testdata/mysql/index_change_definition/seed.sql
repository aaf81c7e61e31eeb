INSERT INTO orders (customer_email, status, reference, placed_at) VALUES
    ('alice@example.com', 'new', 'R-0001', '2024-01-05 10:00:00'),
    ('bob@example.com', 'paid', 'R-0002', '2024-01-06 11:30:00'),
    ('alice@example.com', 'shipped', 'R-0003', '2024-02-01 08:15:00');
