INSERT INTO tickets (status, priority) VALUES ('open', 'low'), ('closed', NULL), ('in_progress', 'high');
