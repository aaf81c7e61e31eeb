INSERT INTO users (email, display_name, role) VALUES ('alice@example.com', 'Alice', 'admin'), ('bob@example.com', 'Bob', 'member');
INSERT INTO products (sku, name, price) VALUES ('SKU-1', 'Widget', 2.50);
INSERT INTO orders (user_id, product_id, quantity, amount) VALUES (1, 1, 2, 5.00), (2, NULL, 1, 7.25);
