SELECT CONCAT('old version row wrong: ', n) FROM zdt_ns WHERE version = 'old'
AND NOT EXISTS (SELECT 1 FROM payments WHERE id = zdt_ns.n AND amount = zdt_ns.n % 1000 + 0.50);
SELECT CONCAT('old version default wrong: ', n) FROM zdt_ns WHERE version = 'old'
AND NOT EXISTS (SELECT 1 FROM payments WHERE id = zdt_ns.n + 300000 AND amount = 0);
SELECT CONCAT('new version row wrong: ', n) FROM zdt_ns WHERE version = 'new'
AND NOT EXISTS (SELECT 1 FROM payments WHERE id = zdt_ns.n AND amount = 7.75);
SELECT CONCAT('seeded row wrong: ', id) FROM payments
WHERE id <= 1000 AND amount <> CASE WHEN id % 10 = 0 THEN 0 ELSE id % 500 + 0.25 END;
SELECT 'seeded rows lost' FROM DUAL WHERE (SELECT COUNT(*) FROM payments WHERE id <= 1000) <> 1000;
