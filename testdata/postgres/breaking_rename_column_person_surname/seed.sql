INSERT INTO person (id, first_name, last_name)
SELECT g, 'first' || g, 'last' || g FROM generate_series(1, 2000) AS g;
