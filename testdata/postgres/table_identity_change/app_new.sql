INSERT INTO items (name) VALUES ('new' || :n);
