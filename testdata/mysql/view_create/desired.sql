CREATE TABLE employees (
    id int NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name varchar(100) NOT NULL,
    department varchar(50) NOT NULL,
    salary decimal(10,2) NOT NULL,
    active tinyint(1) NOT NULL DEFAULT 1
);

CREATE VIEW active_employees AS
    SELECT id, name, department FROM employees WHERE active = 1;

CREATE ALGORITHM=MERGE SQL SECURITY INVOKER VIEW department_payroll AS
    SELECT department, COUNT(*) AS headcount, SUM(salary) AS payroll
    FROM employees
    GROUP BY department;
