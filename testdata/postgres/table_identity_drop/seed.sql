INSERT INTO accounts (note) SELECT 'seed' || g FROM generate_series(1, 500) AS g;
