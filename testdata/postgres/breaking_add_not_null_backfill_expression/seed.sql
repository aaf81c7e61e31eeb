INSERT INTO accounts (id, email) SELECT g, 'User' || g || '@Example.COM' FROM generate_series(1, 2000) AS g;
