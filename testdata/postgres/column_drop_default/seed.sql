INSERT INTO invoices (id) VALUES (1), (2);
INSERT INTO invoices (id, currency, due_days) VALUES (3, 'EUR', 14);
