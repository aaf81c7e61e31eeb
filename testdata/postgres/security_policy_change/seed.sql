INSERT INTO users (id, name, tenant) SELECT g, 'user' || g, CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END FROM generate_series(1, 100) AS g;
