-- Renames and a type change on names that need quoting everywhere: in the
-- triggers, their functions and the backfill.
CREATE TABLE "Order Items" (
  "ID" bigint PRIMARY KEY,
  "Last ""Name""" text NOT NULL,
  "user" text
);
