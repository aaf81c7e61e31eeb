INSERT INTO events (account_id, payload) VALUES (1, 'signup'), (1, 'login'), (2147483647, 'max int');
