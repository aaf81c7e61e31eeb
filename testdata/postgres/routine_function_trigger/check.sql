SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM accounts WHERE id <= 300) <> 300;
SELECT 'old update not stamped: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE n <= 300 AND (SELECT updated_at FROM accounts WHERE id = n) IS NULL;
SELECT 'old insert without the default region: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE (SELECT "Region" FROM accounts WHERE id = 1000 + n) IS DISTINCT FROM 'eu';
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE id = 2000 + n AND "Region" = 'us' AND updated_at IS NOT NULL);
