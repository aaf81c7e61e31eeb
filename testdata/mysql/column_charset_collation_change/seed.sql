INSERT INTO customers VALUES (1, 'Müller', 'mueller@example.com', 'C-1'), (2, 'Ñandú SA', 'nandu@example.com', 'C-2');
