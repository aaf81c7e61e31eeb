INSERT INTO invoices (id, customer_id, amount) VALUES (1, 10, 99.00), (2, 11, 450.00);
