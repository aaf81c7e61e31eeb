INSERT INTO events (body) VALUES ('old' || :n);
SELECT id, body FROM events WHERE body = 'old' || :n;
