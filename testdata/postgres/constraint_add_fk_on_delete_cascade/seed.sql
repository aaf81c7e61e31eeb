INSERT INTO orders (id) VALUES (1), (2);
INSERT INTO order_items (id, order_id, sku, quantity) VALUES
    (10, 1, 'MUG-RED', 2),
    (11, 1, 'MUG-BLUE', 1),
    (12, 2, 'TEAPOT', 1);
