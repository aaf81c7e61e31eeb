INSERT INTO customers (id, email, phone, notes) SELECT g, 'c' || g || '@example.com', '555-' || g, NULL FROM generate_series(1, 100) AS g;
