SELECT CONCAT('old version row wrong: ', n) FROM zdt_ns WHERE version = 'old'
AND NOT EXISTS (SELECT 1 FROM tickets WHERE id = zdt_ns.n AND status = 'open' AND title = CONCAT('old ', zdt_ns.n, '!'));
SELECT CONCAT('new version row wrong: ', n) FROM zdt_ns WHERE version = 'new'
AND NOT EXISTS (SELECT 1 FROM tickets WHERE id = zdt_ns.n AND status = 'closed');
SELECT CONCAT('seeded row wrong: ', id) FROM tickets WHERE id <= 1000 AND status <> 'open';
