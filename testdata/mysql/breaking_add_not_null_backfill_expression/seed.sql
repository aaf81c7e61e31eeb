INSERT INTO accounts (id, email) WITH RECURSIVE g (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 1000) SELECT n, CONCAT('User', n, '@Example.COM') FROM g;
