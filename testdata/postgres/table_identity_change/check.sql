SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM items WHERE name = 'old' || n)
   OR NOT EXISTS (SELECT 1 FROM items WHERE id = n AND name = 'old explicit' || n);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM items WHERE name = 'new' || n);
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM items WHERE name LIKE 'seed%') <> 500;
