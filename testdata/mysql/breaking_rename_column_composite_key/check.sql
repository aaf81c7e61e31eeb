SELECT CONCAT('row missing or wrong: ', version, ' ', n) FROM zdt_ns
WHERE NOT EXISTS (SELECT 1 FROM ledger WHERE tenant_id = zdt_ns.n % 3 + 1 AND entry_id = zdt_ns.n AND memo = CONCAT(zdt_ns.version, zdt_ns.n));
SELECT CONCAT('seeded row wrong: ', tenant_id, '/', entry_id) FROM ledger
WHERE entry_id <= 400 AND NOT (memo <=> CONCAT('note ', tenant_id, '/', entry_id));
SELECT 'seeded rows lost' FROM DUAL WHERE (SELECT COUNT(*) FROM ledger WHERE entry_id <= 400) <> 1200;
