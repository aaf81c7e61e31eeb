INSERT INTO accounts (name) VALUES ('acme'), ('globex'), ('initech');
