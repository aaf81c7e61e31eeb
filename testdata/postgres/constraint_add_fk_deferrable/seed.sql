INSERT INTO accounts (id, name) VALUES (1, 'Operating'), (2, 'Payroll'), (3, 'Savings');
INSERT INTO transfers (id, from_account_id, to_account_id, amount) VALUES
    (1, 1, 2, 15000.00),
    (2, 1, 3, 2500.00);
