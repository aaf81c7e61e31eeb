INSERT INTO events (body) SELECT 'seed' || g FROM generate_series(1, 2000) AS g;
