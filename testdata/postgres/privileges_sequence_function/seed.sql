INSERT INTO invoices (amount) SELECT g * 1.5 FROM generate_series(1, 20) AS g;
