SELECT 'old version row without its computed email_lower: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE id = n AND email_lower = lower('Old' || n || '@Example.ORG'));
SELECT 'new version value overwritten: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE id = n AND email_lower = 'custom ' || n);
SELECT 'seeded row changed: ' || id FROM accounts WHERE id <= 2 AND email_lower IS DISTINCT FROM lower(email);
SELECT 'old version ledger row lost: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM ledger WHERE id = n AND amount = 2);
SELECT 'old version insert without its computed email_lower: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE id = n + 500000 AND email_lower = lower('Ins' || n || '@Example.com'));
