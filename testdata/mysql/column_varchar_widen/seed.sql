INSERT INTO users (display_name, city) VALUES ('Alice', 'Zürich'), ('Bob', NULL), ('Carol', 'São Paulo');
