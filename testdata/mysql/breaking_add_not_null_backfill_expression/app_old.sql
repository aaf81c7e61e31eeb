INSERT INTO accounts (id, email) VALUES (@n, CONCAT('Old', @n, '@X.org'));
UPDATE accounts SET email = email WHERE id = @n % 1000 + 1;
SELECT email FROM accounts WHERE id = @n;
