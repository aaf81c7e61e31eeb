INSERT INTO api_keys (id, account_id, label) VALUES
    (1, 10, 'ci'),
    (2, 10, 'deploy bot'),
    (3, 11, 'local dev');
