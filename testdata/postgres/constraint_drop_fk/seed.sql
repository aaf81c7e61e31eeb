INSERT INTO users (id, email) VALUES (1, 'alice@example.com');
INSERT INTO audit_events (id, actor_id, action) VALUES (1, 1, 'login'), (2, NULL, 'cron.cleanup');
