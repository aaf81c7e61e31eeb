INSERT INTO orders (id, status, quantity) VALUES (1, 'pending', 1), (2, 'paid', 3), (3, 'shipped', 250);
