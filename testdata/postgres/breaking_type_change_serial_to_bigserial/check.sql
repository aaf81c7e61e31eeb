SELECT 'seeded rows lost or renumbered' WHERE (SELECT count(*) FROM events WHERE body = 'seed' || id) <> 2000;
SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM events WHERE body = 'old' || n);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM events WHERE body = 'new' || n);
SELECT 'duplicate id: ' || id FROM events GROUP BY id HAVING count(*) > 1;
SELECT 'sequence lost' WHERE pg_get_serial_sequence('events', 'id') IS NULL;
