SELECT 'old version row missing or wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = n AND surname = 'old' || n);
SELECT 'new version row missing or wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = n AND surname = 'new' || n);
SELECT 'seeded row wrong: ' || id FROM person WHERE id <= 2000 AND surname IS DISTINCT FROM 'last' || id;
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM person WHERE id <= 2000) <> 2000;
SELECT 'deleted row back: ' || id FROM person WHERE id > 1400000 AND id < 2000000 OR id > 2400000;
