INSERT INTO users (id, email, username, tenant_id, deleted_at, created_at) VALUES
    (1, 'Alice@Example.com', 'alice', 1, NULL, '2024-01-01 10:00:00+00'),
    (2, 'bob@example.com', 'bob', 1, NULL, '2024-01-02 11:00:00+00'),
    (3, 'carol@example.com', 'carol', 2, '2024-03-01 00:00:00+00', '2024-01-03 12:00:00+00'),
    (4, 'dave@example.com', 'dave', 2, NULL, '2024-01-04 13:00:00+00');
