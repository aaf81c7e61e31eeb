SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE note = 'old' || n AND seq_no IS NOT NULL);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE id = n AND note = 'new' || n);
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM accounts WHERE note LIKE 'seed%' AND seq_no IS NOT NULL) <> 500;
