INSERT INTO employees (name, department, salary, active) VALUES
    ('Alice', 'eng', 7000.00, 1), ('Bob', 'eng', 6500.00, 0), ('Carol', 'sales', 5000.00, 1);
