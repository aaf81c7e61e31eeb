INSERT INTO customers (id, tenant_id, email, legacy_code, last_synced_at) VALUES
    (1, 1, 'ops@acme.example', 'ACME-001', '2024-01-05 10:00:00+00'),
    (2, 1, 'billing@acme.example', 'ACME-002', NULL),
    (3, 2, 'hello@globex.example', NULL, '2024-02-11 08:30:00+00');
