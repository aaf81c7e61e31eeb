INSERT INTO users (name) SELECT 'user' || g FROM generate_series(1, 1000) AS g;
INSERT INTO orders (id, user_id) SELECT g, g FROM generate_series(1, 1000) AS g;
