INSERT INTO "User; Data" ("ID", "Note; -- New", "select", "group", "Age; Text", "order") VALUES (:n, 'draft', 'user ' || :n, 'g', '7', 3);
INSERT INTO "Address -- Book" ("user id", "Street -- Line", "zip ""code""") VALUES (:n, 'street ' || :n, 'z' || :n);
UPDATE "User; Data" SET "Note; -- New" = 'new ' || :n WHERE "ID" = :n;
SELECT u."Note; -- New", u."group", u."order", a."Street -- Line" FROM "User; Data" AS u JOIN "Address -- Book" AS a ON a."user id" = u."ID" WHERE u."ID" = :n;
