INSERT INTO payments (id, amount, fee) VALUES
    (1, 99999999.99, 1.50),
    (2, 12.34, 0);
