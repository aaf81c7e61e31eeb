INSERT INTO events (id, created_at, kind, payload, source) VALUES (2000 + :n, DATE '2024-04-01' + (:n % 30), 'view', 'new ' || :n, 'api');
SELECT count(*) FROM events WHERE source = 'api';
INSERT INTO orders (id, region, total) VALUES (2000 + :n, 'us', :n);
