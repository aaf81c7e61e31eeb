INSERT INTO tickets (id, state, previous) VALUES (1, 'pending', NULL), (2, 'active', 'pending'), (3, 'closed', 'active');
INSERT INTO tickets (id) VALUES (4);
