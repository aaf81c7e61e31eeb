INSERT INTO line_items (quantity, unit_price) VALUES (1, 9.99), (3, 4.50);
