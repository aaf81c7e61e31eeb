INSERT INTO accounts (name) VALUES ('Acme Corp'), ('Globex');
