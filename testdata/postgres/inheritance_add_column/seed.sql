INSERT INTO vehicles (id, name) SELECT g, 'vehicle ' || g FROM generate_series(1, 100) AS g;
INSERT INTO cars (id, name, doors) SELECT g, 'car ' || g, 2 + g % 3 FROM generate_series(101, 200) AS g;
INSERT INTO bikes (id, name, gears) SELECT g, 'bike ' || g, g % 21 FROM generate_series(201, 300) AS g;
INSERT INTO boats (id, name, length) SELECT g, 'boat ' || g, g / 10.0 FROM generate_series(301, 400) AS g;
INSERT INTO trains (id, name, cars) SELECT g, 'train ' || g, g % 12 FROM generate_series(401, 500) AS g;
