SELECT 'old version row missing or wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = n AND tenant = 'b' AND body = 'old ' || n);
SELECT 'new version row missing or wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM documents WHERE id = n AND tenant = 'a' AND body = 'new ' || n);
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM documents WHERE id <= 2000) <> 2000;
SELECT 'row-level security is not enabled' WHERE NOT (SELECT relrowsecurity FROM pg_class WHERE oid = 'documents'::regclass);
