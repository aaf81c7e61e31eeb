INSERT INTO orders (id, amount) SELECT g, g % 97 FROM generate_series(1, 200) AS g;
