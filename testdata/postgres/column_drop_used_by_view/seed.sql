INSERT INTO users (id, email, nickname, is_active) VALUES
    (1, 'alice@example.com', 'ally', true),
    (2, 'bob@example.com', NULL, false);
