INSERT INTO legacy_customers (customer_no, name, city) VALUES
    (1001, 'Acme Corp', 'Springfield'),
    (1002, 'Globex', NULL),
    (1003, 'Initech', 'Austin');
