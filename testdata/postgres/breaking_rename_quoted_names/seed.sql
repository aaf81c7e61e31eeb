INSERT INTO "Order Items" SELECT g, 'n' || g, CASE WHEN g % 2 = 0 THEN g::text ELSE '' END FROM generate_series(1, 300) AS g;
