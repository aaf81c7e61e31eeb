INSERT INTO accounts (id, email, balance) SELECT g, 'User' || g || '@Example.com', g FROM generate_series(1, 300) AS g;
