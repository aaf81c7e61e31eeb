INSERT INTO products (id, name, price, stock) VALUES
    (1, 'Espresso cup', 8.50, 120),
    (2, 'Milk jug', 14.00, 0),
    (3, 'Grinder', 189.99, 7);
