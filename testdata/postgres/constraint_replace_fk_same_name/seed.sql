INSERT INTO accounts VALUES (1), (2);
INSERT INTO sessions VALUES (10, 1), (11, 2);
