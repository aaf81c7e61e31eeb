INSERT INTO accounts (id, email, balance) VALUES (:n, 'Old' || :n || '@Example.com', 1);
INSERT INTO accounts (id, email) VALUES (:n + 500000, 'Ins' || :n || '@Example.com');
UPDATE accounts SET email = 'Old' || :n || '@Example.ORG' WHERE id = :n;
SELECT email_lower FROM accounts WHERE id = :n;
INSERT INTO events (id, payload) VALUES (:n, 'old');
DELETE FROM events WHERE id = :n;
INSERT INTO ledger (id, account_id, amount) VALUES (:n, :n, 1);
UPDATE ledger SET amount = 2 WHERE id = :n;
