SELECT 'old version row missing or wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = n AND surname = 'old' || n AND score = 7);
SELECT 'new version row missing or wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = n AND surname = 'new' || n AND score = 8);
SELECT 'seeded row wrong: ' || id FROM person WHERE id <= 500 AND (surname IS DISTINCT FROM 'last' || id OR score IS DISTINCT FROM id % 10);
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM person WHERE id <= 500) <> 500;
