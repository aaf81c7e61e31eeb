INSERT INTO products (id, name, price) VALUES (1, 'Espresso cup', 8.50), (2, 'Grinder', 189.99);
