INSERT INTO orders (id, total, legacy_code)
WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 1000)
SELECT n, n * 1.5, CONCAT('L', n) FROM g;
