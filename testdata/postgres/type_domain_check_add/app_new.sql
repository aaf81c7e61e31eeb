INSERT INTO products (id, name, price) VALUES (:n, 'new ' || :n, 19.99);
