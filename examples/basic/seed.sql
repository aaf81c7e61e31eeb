-- Rows the running application has written: every user has a name by the
-- time contract enforces it, emails are unique, order totals non-negative.
INSERT INTO users (email, name) VALUES ('ada@example.com', 'Ada'), ('grace@example.com', 'Grace');
INSERT INTO orders (user_id, total, status, note) VALUES (1, 10.00, 'new', 'gift'), (2, 25.50, 'paid', NULL);
