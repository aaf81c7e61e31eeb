SELECT 'old version row wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM tickets WHERE id = n AND status = 'open' AND title = 'old ' || n || '!');
SELECT 'new version row wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM tickets WHERE id = n AND status = 'closed');
SELECT 'seeded row wrong: ' || id FROM tickets WHERE id <= 2000 AND status <> 'open';
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM tickets WHERE id <= 2000) <> 2000;
