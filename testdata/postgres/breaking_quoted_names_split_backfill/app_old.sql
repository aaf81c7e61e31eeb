INSERT INTO "User; Data" ("ID", "note; -- old", "select", "Street -- Line", "zip ""code""", "Age; Text") VALUES (:n, 'draft', 'user ' || :n, 'street ' || :n, 'z' || :n, (:n % 1000)::text);
UPDATE "User; Data" SET "note; -- old" = 'old ' || :n WHERE "ID" = :n;
SELECT "note; -- old", "select", "Street -- Line", "zip ""code""", "group", "Age; Text" FROM "User; Data" WHERE "ID" = :n;
