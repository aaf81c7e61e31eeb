INSERT INTO events (id, created_at, payload)
SELECT g, DATE '2024-02-01' + (g % 59), 'seed ' || g FROM generate_series(1, 500) AS g;
INSERT INTO orders (id, region, total) SELECT g, CASE WHEN g % 2 = 0 THEN 'de' ELSE 'jp' END, g FROM generate_series(1, 200) AS g;
