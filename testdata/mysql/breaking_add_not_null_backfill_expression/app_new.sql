INSERT INTO accounts (id, email, email_lower) VALUES (@n, CONCAT('New', @n, '@X.org'), CONCAT('new', @n, '@x.org'));
SELECT email_lower FROM accounts WHERE id = @n;
