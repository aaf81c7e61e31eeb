INSERT INTO products (id, name, description) VALUES
    (1, 'Espresso cup', 'Porcelain, 90 ml.'),
    (2, 'Milk jug', NULL);
