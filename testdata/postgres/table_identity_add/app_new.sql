INSERT INTO tickets (title) VALUES ('new' || :n);
SELECT id FROM tickets WHERE title = 'new' || :n;
