INSERT INTO tickets (id, title) SELECT g, 'seed' || g FROM generate_series(1, 500) AS g;
