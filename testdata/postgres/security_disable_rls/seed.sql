INSERT INTO users (id, name) SELECT g, 'user' || g FROM generate_series(1, 100) AS g;
