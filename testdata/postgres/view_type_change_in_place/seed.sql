INSERT INTO customers SELECT g, 'name ' || g, 'e' || g || '@example.com' FROM generate_series(1, 500) AS g;
