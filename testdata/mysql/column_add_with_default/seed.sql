INSERT INTO products (sku, price) VALUES ('A-1', 9.99), ('B-2', 19.50), ('C-3', 0.00);
