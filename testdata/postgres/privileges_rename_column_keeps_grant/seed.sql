INSERT INTO person (id, first_name, last_name, score)
SELECT g, 'first' || g, 'last' || g, (g % 10)::text FROM generate_series(1, 500) AS g;
