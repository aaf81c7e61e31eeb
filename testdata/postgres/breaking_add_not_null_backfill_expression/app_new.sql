INSERT INTO accounts (id, email, email_lower) VALUES (:n, 'New' || :n || '@X.org', 'new' || :n || '@x.org');
SELECT email_lower FROM accounts WHERE id = :n;
