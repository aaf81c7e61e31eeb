INSERT INTO "user" (id, "select", "from", "table") VALUES (1, 'all', '2024-01-01', 'x'), (2, 'some', NULL, NULL);
INSERT INTO "order" (id, "user", "group", "desc") VALUES (10, 1, 'retail', 'first order'), (11, 2, 'wholesale', NULL);
