SELECT 'old version row missing or wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM ledger WHERE tenant_id = n % 3 + 1 AND entry_id = n AND memo = 'old' || n);
SELECT 'new version row missing or wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM ledger WHERE tenant_id = n % 3 + 1 AND entry_id = n AND memo = 'new' || n);
SELECT 'seeded row wrong: ' || tenant_id || '/' || entry_id FROM ledger
WHERE entry_id <= 400 AND memo IS DISTINCT FROM 'note ' || tenant_id || '/' || entry_id;
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM ledger WHERE entry_id <= 400) <> 1200;
