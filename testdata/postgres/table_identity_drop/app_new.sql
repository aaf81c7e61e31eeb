INSERT INTO accounts (id, note) VALUES (:n, 'new' || :n);
SELECT seq_no FROM accounts WHERE id = :n;
