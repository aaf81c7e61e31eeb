INSERT INTO tickets (id, subject, status, priority, opened_at) VALUES
    (1, 'Cannot log in', 'open', 1, '2024-03-01 09:00:00+00'),
    (2, 'Invoice missing', 'closed', NULL, NULL);
