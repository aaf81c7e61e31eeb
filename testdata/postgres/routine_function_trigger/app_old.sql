INSERT INTO accounts (id, email) VALUES (1000 + :n, 'old' || :n || '@example.com');
UPDATE accounts SET balance = balance + 1 WHERE id = :n;
SELECT id FROM accounts WHERE email = 'USER' || :n || '@example.com';
