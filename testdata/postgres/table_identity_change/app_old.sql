INSERT INTO items (name) VALUES ('old' || :n);
INSERT INTO items (id, name) VALUES (:n, 'old explicit' || :n);
