INSERT INTO orders (id, status, total) VALUES (1, 'pending', 10.00), (2, 'paid', 20.00);
