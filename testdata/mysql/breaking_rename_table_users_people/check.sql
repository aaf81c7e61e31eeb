SELECT CONCAT('row missing: ', version, ' ', n) FROM zdt_ns
WHERE NOT EXISTS (SELECT 1 FROM people AS p JOIN orders AS o ON o.user_id = p.id WHERE o.id = zdt_ns.n AND p.name = CONCAT(zdt_ns.version, zdt_ns.n));
SELECT 'seeded rows lost' FROM DUAL WHERE (SELECT COUNT(*) FROM people WHERE name LIKE 'user%') <> 1000;
SELECT 'deleted row back' FROM people WHERE name LIKE 'doomed%';
