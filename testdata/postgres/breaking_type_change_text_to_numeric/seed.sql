INSERT INTO payments (id, amount, note)
SELECT g, CASE WHEN g % 10 = 0 THEN ' ' ELSE (g % 500) || '.25' END, 'seed'
FROM generate_series(1, 2000) AS g;
