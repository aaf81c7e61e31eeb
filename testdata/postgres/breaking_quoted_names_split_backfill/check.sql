SELECT 'old version row missing or wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM "User; Data" WHERE "ID" = n AND "Note; -- New" = 'old ' || n AND "group" = 'none; -- really'
                    AND "order" = length('user ' || n) AND "Age; Text" = n % 1000);
SELECT 'new version row missing or wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM "User; Data" WHERE "ID" = n AND "Note; -- New" = 'new ' || n AND "group" = 'g' AND "order" = 3 AND "Age; Text" = 7);
SELECT 'address missing or wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[] || ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM "Address -- Book" WHERE "user id" = n AND "Street -- Line" = 'street ' || n AND "zip ""code""" = 'z' || n);
SELECT 'seeded row wrong: ' || g FROM generate_series(1, 300) AS g
WHERE NOT EXISTS (SELECT 1 FROM "User; Data" WHERE "ID" = g AND "Note; -- New" = 'note ' || g
                    AND "group" = CASE WHEN g % 2 = 0 THEN 'g' || g ELSE 'none; -- really' END
                    AND "order" = length('user ' || g)
                    AND "Age; Text" IS NOT DISTINCT FROM CASE WHEN g % 4 <> 0 THEN g END);
SELECT 'seeded address wrong: ' || g FROM generate_series(1, 300) AS g
WHERE (g % 3 <> 0) <> EXISTS (SELECT 1 FROM "Address -- Book" WHERE "user id" = g AND "Street -- Line" = 'street ' || g
                                AND "zip ""code""" IS NOT DISTINCT FROM CASE WHEN g % 3 = 1 THEN 'z' || g END);
