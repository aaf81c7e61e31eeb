INSERT INTO customers (id, addr, location) VALUES (1, ROW('1 Main St', 'Springfield'), ROW(1, 2)), (2, NULL, NULL);
