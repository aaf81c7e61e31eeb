INSERT INTO accounts (id, email, balance) VALUES (1, 'a@example.com', 12.34), (2, 'b@example.com', 0);
INSERT INTO events (id, payload) VALUES (1, 'created'), (2, 'updated');
INSERT INTO ledger (id, account_id, amount) VALUES (1, 1, 12.34);
