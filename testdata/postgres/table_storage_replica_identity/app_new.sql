INSERT INTO accounts (id, email, balance, email_lower) VALUES (:n, 'New' || :n || '@Example.com', 1, 'custom ' || :n);
UPDATE accounts SET balance = 2 WHERE id = :n;
SELECT email_lower FROM accounts WHERE id = :n;
INSERT INTO audit (id, note) VALUES (:n, 'new');
