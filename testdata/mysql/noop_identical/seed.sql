INSERT INTO authors (name, born) VALUES ('Tolstoy', '1828-09-09'), ('Borges', NULL);
INSERT INTO books (author_id, title, isbn, pages, price) VALUES (1, 'War and Peace', '9780140447934', 1225, 15.00), (2, 'Ficciones', NULL, 174, 9.50);
