INSERT INTO accounts (id, tier) VALUES (1, 'free'), (2, 'pro'), (3, 'enterprise');
