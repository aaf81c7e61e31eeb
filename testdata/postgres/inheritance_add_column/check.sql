SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM vehicles WHERE id <= 400) <> 400;
SELECT 'trains still read through vehicles' WHERE EXISTS (SELECT 1 FROM vehicles WHERE id BETWEEN 401 AND 500);
SELECT 'seeded trains lost' WHERE (SELECT count(*) FROM trains) <> 100;
SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM vehicles WHERE id = 1000 + n) OR NOT EXISTS (SELECT 1 FROM vehicles WHERE id = 5000 + n);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM vehicles WHERE id = 6000 + n AND color = 'white')
   OR NOT EXISTS (SELECT 1 FROM bikes WHERE id = 4000 + n AND electric);
