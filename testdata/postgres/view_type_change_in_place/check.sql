SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM customer_names WHERE "Full Name" = 'name ' || id) <> 500;
SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM "select" WHERE "Full Name" = 'old ' || n);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM "select" WHERE "Full Name" = repeat('new', 60) || n);
