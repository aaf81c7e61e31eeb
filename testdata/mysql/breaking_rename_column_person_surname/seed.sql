INSERT INTO person (id, first_name, last_name)
WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 1000)
SELECT n, CONCAT('first', n), CONCAT('last', n) FROM g;
