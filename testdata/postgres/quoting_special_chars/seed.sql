INSERT INTO "customer data" (id, "first name", "we""ird", "semi;colon", "dash--dash") VALUES
    (1, 'Ada', 'x"y', 1, 'a--b'),
    (2, 'Grace', NULL, 2, ';');
INSERT INTO "line;items" (id, "customer data id", "qty -- count") VALUES
    (10, 1, 3),
    (11, 2, 1);
