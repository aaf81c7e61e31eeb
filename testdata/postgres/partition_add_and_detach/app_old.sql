INSERT INTO events (id, created_at, payload) VALUES (1000 + :n, DATE '2024-02-01' + (:n % 59), 'old ' || :n);
SELECT count(*) FROM events WHERE kind = 'click' AND created_at >= DATE '2024-02-01';
UPDATE events SET payload = 'old touched' WHERE id = :n AND created_at >= DATE '2024-02-01';
INSERT INTO orders (id, region, total) VALUES (1000 + :n, 'fr', :n);
