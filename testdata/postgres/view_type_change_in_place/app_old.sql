INSERT INTO customers VALUES (1000 + :n, 'old ' || :n, NULL);
SELECT "Full Name" FROM "select" WHERE "Full Name" = 'old ' || :n;
SELECT id FROM customer_names WHERE id = 1000 + :n;
