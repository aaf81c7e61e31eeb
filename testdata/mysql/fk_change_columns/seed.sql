INSERT INTO items (item_id, supplier_id) VALUES (1, 10), (2, 10), (3, 20);
INSERT INTO prices (price_id, item_id, supplier_id) VALUES (100, 1, 10), (101, 3, 20);
INSERT INTO posts (id, author_id) VALUES (1, 1), (2, NULL);
