INSERT INTO tickets (id, title) SELECT g, 't' || g FROM generate_series(1, 200) AS g;
