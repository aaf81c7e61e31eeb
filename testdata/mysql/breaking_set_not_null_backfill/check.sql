SELECT CONCAT('old version row wrong: ', n) FROM zdt_ns WHERE version = 'old'
AND (NOT EXISTS (SELECT 1 FROM profiles WHERE id = zdt_ns.n AND nickname = 'anonymous')
  OR NOT EXISTS (SELECT 1 FROM profiles WHERE id = zdt_ns.n + 300000 AND nickname = 'anonymous'));
SELECT CONCAT('new version row wrong: ', n) FROM zdt_ns WHERE version = 'new'
AND NOT EXISTS (SELECT 1 FROM profiles WHERE id = zdt_ns.n AND nickname = CONCAT('new', zdt_ns.n));
SELECT CONCAT('seeded row wrong: ', id) FROM profiles WHERE id <= 1000
  AND nickname <> CASE WHEN id % 4 <> 0 THEN CONCAT('nick', id) ELSE 'anonymous' END;
