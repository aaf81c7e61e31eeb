INSERT INTO tickets (id) SELECT g FROM generate_series(1, 2000) AS g;
