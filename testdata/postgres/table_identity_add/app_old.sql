INSERT INTO tickets (id, title) VALUES (:n, 'old' || :n);
SELECT title FROM tickets WHERE id = :n;
