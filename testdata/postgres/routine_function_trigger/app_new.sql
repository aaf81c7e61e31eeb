INSERT INTO accounts (id, email, "Region") VALUES (2000 + :n, 'new' || :n || '@example.com', 'us');
UPDATE accounts SET balance = -1 WHERE id = 2000 + :n;
