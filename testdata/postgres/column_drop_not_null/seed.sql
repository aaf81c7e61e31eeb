INSERT INTO orders (id, customer_email, shipping_address, total) VALUES
    (1, 'alice@example.com', '1 Main St, Springfield', 42.00),
    (2, 'bob@example.com', '22 Elm Rd, Shelbyville', 9.95);
