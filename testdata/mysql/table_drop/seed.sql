INSERT INTO users VALUES (1, 'alice@example.com'), (2, 'bob@example.com');
INSERT INTO user_sessions (user_id, token) VALUES (1, REPEAT('a', 64)), (2, REPEAT('b', 64));
INSERT INTO audit_log (message) VALUES ('created'), ('deleted');
