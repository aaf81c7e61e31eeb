INSERT INTO users (email, display_name, role, legacy_login) VALUES ('alice@example.com', 'Alice', 'admin', 'alice'), ('bob@example.com', 'Bob', 'member', NULL);
INSERT INTO products (sku, name, price) VALUES ('SKU-1', 'Widget', 2.50), ('SKU-2', 'Gadget', 10.00);
INSERT INTO orders (user_id, product_id, quantity, amount) VALUES (1, 1, 2, 5.00), (2, 2, 1, 10.00), (2, NULL, 3, 7.50);
