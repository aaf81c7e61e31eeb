SELECT CONCAT('address missing or wrong: ', version, ' ', n) FROM zdt_ns
WHERE NOT EXISTS (SELECT 1 FROM addresses WHERE user_id = zdt_ns.n AND address_line_1 = CONCAT('a1-', zdt_ns.n) AND address_line_2 = CONCAT('a2-', zdt_ns.n));
SELECT CONCAT('user without address got a row: ', user_id) FROM addresses WHERE user_id BETWEEN 1300000 AND 1400000;
SELECT CONCAT('user missing: ', n) FROM zdt_ns WHERE version = 'old' AND NOT EXISTS (SELECT 1 FROM users WHERE id = zdt_ns.n + 300000);
SELECT 'seeded users lost' FROM DUAL WHERE (SELECT COUNT(*) FROM users WHERE id <= 1000) <> 1000;
SELECT CONCAT('seeded address wrong: ', u.id) FROM users AS u LEFT JOIN addresses AS a ON a.user_id = u.id
WHERE u.id <= 1000 AND ((u.id % 3 <> 0) <> (a.user_id IS NOT NULL)
   OR a.user_id IS NOT NULL AND (a.address_line_1 <> CONCAT('line1-', u.id) OR NOT (a.address_line_2 <=> CASE WHEN u.id % 3 = 1 THEN CONCAT('line2-', u.id) END)));
SELECT CONCAT('empty address row: ', user_id) FROM addresses WHERE address_line_1 IS NULL AND address_line_2 IS NULL;
SELECT CONCAT('deleted row back: ', id) FROM users WHERE email = 'doomed';
