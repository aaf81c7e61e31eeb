INSERT INTO orders (id, status) VALUES (1, 'pending'), (2, 'paid'), (3, 'shipped');
