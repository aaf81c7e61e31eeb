-- Two users in three have an address; some have only a first line.
INSERT INTO users (id, email, address_line_1, address_line_2)
WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 1000)
SELECT n, CONCAT('user', n, '@example.com'),
       CASE WHEN n % 3 <> 0 THEN CONCAT('line1-', n) END,
       CASE WHEN n % 3 = 1 THEN CONCAT('line2-', n) END
FROM g;
