INSERT INTO orders VALUES (1, 'new', 'none'), (2, 'paid', 'none');
