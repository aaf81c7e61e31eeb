SELECT CONCAT('row missing or wrong: ', version, ' ', n) FROM zdt_ns
WHERE NOT EXISTS (SELECT 1 FROM person WHERE id = zdt_ns.n AND surname = CONCAT(zdt_ns.version, zdt_ns.n));
SELECT CONCAT('seeded row wrong: ', id) FROM person WHERE id <= 1000 AND NOT (surname <=> CONCAT('last', id));
SELECT 'seeded rows lost' FROM DUAL WHERE (SELECT COUNT(*) FROM person WHERE id <= 1000) <> 1000;
SELECT CONCAT('deleted row back: ', id) FROM person WHERE id > 1400000 AND id < 2000000 OR id > 2400000;
