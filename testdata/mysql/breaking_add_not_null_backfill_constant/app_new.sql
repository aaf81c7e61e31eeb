INSERT INTO tickets (id, title, status) VALUES (@n, CONCAT('new ', @n), 'closed');
SELECT status FROM tickets WHERE id = @n;
