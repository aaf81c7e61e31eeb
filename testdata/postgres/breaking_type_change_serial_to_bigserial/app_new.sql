INSERT INTO events (body) VALUES ('new' || :n);
SELECT id, body FROM events WHERE body = 'new' || :n;
