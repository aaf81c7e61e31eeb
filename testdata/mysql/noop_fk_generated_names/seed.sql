INSERT INTO users VALUES (1), (2);
INSERT INTO orders VALUES (10, 1, 2, 9.98), (11, 2, 1, 0.00);
