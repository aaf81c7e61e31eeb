INSERT INTO accounts (note) VALUES ('old' || :n);
SELECT id, seq_no FROM accounts WHERE note = 'old' || :n;
