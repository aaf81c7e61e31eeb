SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM people AS p JOIN orders AS o ON o.user_id = p.id WHERE o.id = n AND p.name = 'old' || n);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM people AS p JOIN orders AS o ON o.user_id = p.id WHERE o.id = n AND p.name = 'new' || n);
SELECT 'seeded rows lost' WHERE (SELECT count(*) FROM people WHERE name LIKE 'user%') <> 1000;
SELECT 'ids collide' WHERE (SELECT count(DISTINCT id) FROM people) <> (SELECT count(*) FROM people);
SELECT 'deleted row back' FROM people WHERE name LIKE 'doomed%';
