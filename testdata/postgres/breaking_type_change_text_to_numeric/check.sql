SELECT 'old version row wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM payments WHERE id = n AND amount = (n % 1000) + 0.50);
SELECT 'old version default wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM payments WHERE id = n + 300000 AND amount = 0);
SELECT 'new version row wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM payments WHERE id = n AND amount = 7.75);
SELECT 'seeded row wrong: ' || id FROM payments
WHERE id <= 2000 AND amount <> CASE WHEN id % 10 = 0 THEN 0 ELSE (id % 500) + 0.25 END;
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM payments WHERE id <= 2000) <> 2000;
