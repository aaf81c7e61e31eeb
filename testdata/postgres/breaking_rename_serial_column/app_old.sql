INSERT INTO tickets (id) VALUES (:n);
SELECT id, seq_no FROM tickets WHERE id = :n;
