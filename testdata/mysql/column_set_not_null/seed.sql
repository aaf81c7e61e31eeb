INSERT INTO profiles VALUES (1, 'ali', 'DE'), (2, 'bobby', 'FR'), (3, 'caro', 'IT');
