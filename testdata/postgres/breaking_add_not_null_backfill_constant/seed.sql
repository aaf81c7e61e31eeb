INSERT INTO tickets (id, title) SELECT g, 'ticket ' || g FROM generate_series(1, 2000) AS g;
