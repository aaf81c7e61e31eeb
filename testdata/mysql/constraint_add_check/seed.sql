INSERT INTO line_items (quantity, unit_price, discount) VALUES (1, 9.99, 0), (3, 4.50, 10), (12, 1.00, 99.5);
