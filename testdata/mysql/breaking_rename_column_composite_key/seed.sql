INSERT INTO ledger (tenant_id, entry_id, amount, note)
WITH RECURSIVE t (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 3),
  e (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM e WHERE n < 400)
SELECT t.n, e.n, e.n / 100, CONCAT('note ', t.n, '/', e.n) FROM t, e;
