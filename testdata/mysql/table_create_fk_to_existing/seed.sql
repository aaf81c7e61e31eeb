INSERT INTO customers (name) VALUES ('Acme'), ('Globex');
