INSERT INTO teams (id, name) VALUES (1, 'Platform'), (2, 'Growth');
INSERT INTO users (id, email) VALUES (1, 'alice@example.com'), (2, 'bob@example.com');
