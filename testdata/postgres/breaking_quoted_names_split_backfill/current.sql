-- A table split, a column rename, a SET NOT NULL and a new NOT NULL column
-- with backfills, and a type change, on names that need quoting everywhere:
-- reserved words, mixed case, spaces, double quotes, semicolons and "--".
CREATE TABLE "User; Data" (
  "ID" bigint PRIMARY KEY,
  "note; -- old" text,
  "select" text NOT NULL,
  "Street -- Line" text,
  "zip ""code""" text,
  "group" text,
  "Age; Text" text
);
CREATE INDEX "idx; ""select"" -- x" ON "User; Data" ("select");
