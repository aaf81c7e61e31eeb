SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM events WHERE id <= 500) <> 500;
SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM events WHERE id = 1000 + n AND payload = 'old ' || n);
SELECT 'new version row missing or misplaced: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM events_2024_04 WHERE id = 2000 + n AND source = 'api');
SELECT 'new order not in its partition: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM orders_us WHERE id = 2000 + n);
SELECT 'seeded orders lost' WHERE (SELECT count(*) FROM orders WHERE id <= 200) <> 200;
