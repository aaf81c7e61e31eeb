INSERT INTO accounts (id, name) VALUES
    (1, 'Acme Corp'),
    (2, 'Globex'),
    (3, 'Initech');
