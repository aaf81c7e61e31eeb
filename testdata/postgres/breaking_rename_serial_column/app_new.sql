INSERT INTO tickets (id) VALUES (:n);
SELECT id, number FROM tickets WHERE id = :n;
