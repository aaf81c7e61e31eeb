INSERT INTO items VALUES (1, 'a'), (2, 'b');
INSERT INTO prices VALUES (1, 9.99), (2, 5.00);
