SELECT 'old version row wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM products WHERE id = n AND price = 10.99);
SELECT 'new version row wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM products WHERE id = n AND price = 19.99);
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM products WHERE id <= 500) <> 500;
