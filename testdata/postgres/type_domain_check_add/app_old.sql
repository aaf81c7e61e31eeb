INSERT INTO products (id, name, price) VALUES (:n, 'old ' || :n, 9.99);
UPDATE products SET price = price + 1 WHERE id = :n;
