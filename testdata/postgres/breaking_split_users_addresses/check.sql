SELECT 'old version address missing or wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM addresses WHERE user_id = n AND address_line_1 = 'a1-' || n AND address_line_2 = 'a2-' || n);
SELECT 'new version address missing or wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM addresses WHERE user_id = n AND address_line_1 = 'a1-' || n AND address_line_2 = 'a2-' || n);
SELECT 'user without address got a row: ' || user_id FROM addresses WHERE user_id BETWEEN 1300000 AND 1400000;
SELECT 'user missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n WHERE NOT EXISTS (SELECT 1 FROM users WHERE id = n + 300000);
SELECT 'seeded users lost' WHERE (SELECT count(*) FROM users WHERE id <= 2000) <> 2000;
SELECT 'seeded address wrong: ' || g FROM generate_series(1, 2000) AS g
WHERE (g % 3 <> 0) <> EXISTS (SELECT 1 FROM addresses WHERE user_id = g AND address_line_1 = 'line1-' || g
                                AND address_line_2 IS NOT DISTINCT FROM CASE WHEN g % 3 = 1 THEN 'line2-' || g END);
SELECT 'empty address row: ' || user_id FROM addresses WHERE address_line_1 IS NULL AND address_line_2 IS NULL;
SELECT 'deleted row back: ' || id FROM users WHERE email = 'doomed';
