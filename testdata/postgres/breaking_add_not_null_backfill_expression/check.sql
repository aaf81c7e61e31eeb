SELECT 'row without its value: ' || id FROM accounts WHERE email_lower IS DISTINCT FROM lower(email);
SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE id = n);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE id = n);
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM accounts WHERE id <= 2000) <> 2000;
