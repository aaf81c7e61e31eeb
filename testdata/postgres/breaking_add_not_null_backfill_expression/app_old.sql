INSERT INTO accounts (id, email) VALUES (:n, 'Old' || :n || '@X.org');
UPDATE accounts SET email = email WHERE id = :n % 2000 + 1;
SELECT email FROM accounts WHERE id = :n;
