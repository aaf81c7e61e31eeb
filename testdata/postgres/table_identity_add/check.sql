SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM tickets WHERE id = n AND title = 'old' || n);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM tickets WHERE title = 'new' || n);
SELECT 'seeded row wrong: ' || g FROM generate_series(1, 500) AS g
WHERE NOT EXISTS (SELECT 1 FROM tickets WHERE id = g AND title = 'seed' || g);
SELECT 'identity sequence behind the rows' WHERE (SELECT last_value FROM tickets_id_seq) < (SELECT max(id) FROM tickets);
