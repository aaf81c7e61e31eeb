INSERT INTO billing.invoices (id, total) VALUES (1, 10.00);
