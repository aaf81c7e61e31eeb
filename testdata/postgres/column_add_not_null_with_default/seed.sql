INSERT INTO orders (id, customer_email, total) VALUES
    (1001, 'alice@example.com', 19.99),
    (1002, 'bob@example.com', 250.00),
    (1003, 'alice@example.com', 5.50);
