INSERT INTO payments VALUES (1, 1999, 'card', NULL), (2, 500, 'sepa', 'monthly');
