SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM orders WHERE id = n AND total = 11.00);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM orders WHERE id = n AND total = 20.00);
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM orders WHERE id <= 1000) <> 1000;
