INSERT INTO orders SELECT g, g % 20, 'seed' FROM generate_series(1, 1000) AS g;
