INSERT INTO tickets (title) SELECT 'ticket ' || g FROM generate_series(1, 50) AS g;
