SELECT 'seeded row renumbered: ' || id FROM tickets WHERE id <= 2000 AND number <> id;
SELECT 'row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[] || ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM tickets WHERE id = n);
SELECT 'duplicate number: ' || number FROM tickets GROUP BY number HAVING count(*) > 1;
SELECT 'sequence lost' WHERE pg_get_serial_sequence('tickets', 'number') IS NULL;
