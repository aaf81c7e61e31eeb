INSERT INTO customers VALUES (100000 + :n, repeat('new', 60) || :n, NULL);
SELECT "Full Name" FROM "select" WHERE "Full Name" = repeat('new', 60) || :n;
