SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM orders WHERE note = 'seed') <> 1000;
SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM big_orders WHERE id = 10000 + n AND quantity = 11);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM big_orders WHERE id = 20000 + n AND quantity = 12);
SELECT 'old update lost: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE n <= 1000 AND (SELECT quantity FROM orders WHERE id = n) < n % 20 + 1;
