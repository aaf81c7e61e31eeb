SELECT 'old version row missing or wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM people WHERE id = n AND email = 'old' || n || '@example.com');
SELECT 'new version row missing or wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM people WHERE id = n AND email = 'new' || n || '@example.com');
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM people WHERE id <= 300) <> 300;
SELECT 'deleted row back: ' || id FROM people WHERE id > 1400000 AND id < 2000000;
