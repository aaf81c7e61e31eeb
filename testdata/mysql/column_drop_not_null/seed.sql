INSERT INTO profiles VALUES (1, 'ali', 'hello', 30), (2, 'bobby', '', 0);
