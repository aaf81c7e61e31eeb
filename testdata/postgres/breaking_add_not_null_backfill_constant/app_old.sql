INSERT INTO tickets (id, title) VALUES (:n, 'old ' || :n);
UPDATE tickets SET title = title || '!' WHERE id = :n;
SELECT title FROM tickets WHERE id = :n;
