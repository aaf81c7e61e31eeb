SELECT CONCAT('row without its value: ', id) FROM accounts WHERE NOT (email_lower <=> LOWER(email));
SELECT CONCAT('row missing: ', version, ' ', n) FROM zdt_ns WHERE NOT EXISTS (SELECT 1 FROM accounts WHERE id = zdt_ns.n);
SELECT 'seeded rows lost' FROM DUAL WHERE (SELECT COUNT(*) FROM accounts WHERE id <= 1000) <> 1000;
