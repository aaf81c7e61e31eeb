INSERT INTO tickets (id, title, status) VALUES (:n, 'new ' || :n, 'closed');
SELECT status FROM tickets WHERE id = :n;
