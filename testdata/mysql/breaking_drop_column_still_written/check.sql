SELECT CONCAT('old version row missing: ', n) FROM zdt_ns WHERE version = 'old'
AND NOT EXISTS (SELECT 1 FROM orders WHERE id = zdt_ns.n AND total = 11.00);
SELECT CONCAT('new version row missing: ', n) FROM zdt_ns WHERE version = 'new'
AND NOT EXISTS (SELECT 1 FROM orders WHERE id = zdt_ns.n AND total = 20.00);
SELECT 'seeded rows lost' FROM DUAL WHERE (SELECT COUNT(*) FROM orders WHERE id <= 1000) <> 1000;
