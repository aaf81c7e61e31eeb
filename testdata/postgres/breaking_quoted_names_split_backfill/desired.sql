-- A table split, a column rename, a SET NOT NULL and a new NOT NULL column
-- with backfills, and a type change, on names that need quoting everywhere:
-- reserved words, mixed case, spaces, double quotes, semicolons and "--".
CREATE TABLE "User; Data" (
  "ID" bigint PRIMARY KEY,
  "Note; -- New" text, -- zdplan:renamed-from "note; -- old"
  "select" text NOT NULL,
  "group" text NOT NULL, -- zdplan:backfill 'none; -- really'
  "Age; Text" integer, -- zdplan:using nullif("Age; Text", '')::integer
  "order" integer NOT NULL, -- zdplan:backfill length("select")
  CONSTRAINT "check; -- ""select""" CHECK ("select" <> '')
);
CREATE INDEX "idx; ""select"" -- x" ON "User; Data" ("select");
CREATE UNIQUE INDEX "Unique -- ""Order""" ON "User; Data" ("ID", "order");

-- zdplan:split-from "User; Data" on "user id" = "ID"
CREATE TABLE "Address -- Book" (
  "user id" bigint PRIMARY KEY REFERENCES "User; Data" ("ID"),
  "Street -- Line" text,
  "zip ""code""" text
);
