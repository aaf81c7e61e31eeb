INSERT INTO payments (id, amount, note)
WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 1000)
SELECT n, CASE WHEN n % 10 = 0 THEN ' ' ELSE CONCAT(n % 500, '.25') END, 'seed' FROM g;
