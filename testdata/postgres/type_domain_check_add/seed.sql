INSERT INTO products (id, name, price) SELECT i, 'product ' || i, i * 1.5 FROM generate_series(1, 500) AS i;
