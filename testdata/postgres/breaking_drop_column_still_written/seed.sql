INSERT INTO orders (id, total, legacy_code) SELECT g, g * 1.5, 'L' || g FROM generate_series(1, 1000) AS g;
