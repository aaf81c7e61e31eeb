INSERT INTO users (id, email) SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 300) AS g;
