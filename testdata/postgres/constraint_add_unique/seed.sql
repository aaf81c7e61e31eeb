INSERT INTO users (id, tenant_id, email, slug) VALUES
    (1, 1, 'alice@acme.example', 'alice'),
    (2, 1, 'bob@acme.example', 'bob'),
    (3, 2, 'alice@globex.example', 'alice');
