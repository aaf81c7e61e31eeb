-- zdplan expand phase: additive changes; the old application version keeps running
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- add column public.customer data.last name
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public."customer data" ADD COLUMN IF NOT EXISTS "last name" text;

-- add column public.customer data./* not a comment */
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public."customer data" ADD COLUMN IF NOT EXISTS "/* not a comment */" text;

-- set default of public.customer data.semi;colon
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public."customer data" ALTER COLUMN "semi;colon" SET DEFAULT 0;

-- set default of public.customer data.dash--dash
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public."customer data" ALTER COLUMN "dash--dash" SET DEFAULT '--;--';

-- drop the INVALID leftover of an interrupted build of public.customer data_first name_idx, if any
-- lock: ACCESS EXCLUSIVE (brief, only if a leftover exists)
DO $zdplan$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = to_regclass('public."customer data_first name_idx"') AND NOT indisvalid) THEN
    DROP INDEX public."customer data_first name_idx";
  END IF;
END
$zdplan$;

-- build index public.customer data_first name_idx online
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue); cannot run inside a transaction block
CREATE INDEX CONCURRENTLY IF NOT EXISTS "customer data_first name_idx" ON public."customer data" ("first name", "last name");

-- drop the INVALID leftover of an interrupted build of public.idx "quoted" name, if any
-- lock: ACCESS EXCLUSIVE (brief, only if a leftover exists)
DO $zdplan$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = to_regclass('public."idx ""quoted"" name"') AND NOT indisvalid) THEN
    DROP INDEX public."idx ""quoted"" name";
  END IF;
END
$zdplan$;

-- build index public.idx "quoted" name online
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue); cannot run inside a transaction block
CREATE INDEX CONCURRENTLY IF NOT EXISTS "idx ""quoted"" name" ON public."customer data" ("we""ird") WHERE "semi;colon" <> 0;

-- create view public.customer; view
-- lock: none on existing tables
CREATE OR REPLACE VIEW public."customer; view" AS SELECT id, ("first name" || ' ') || COALESCE("last name", '') AS "full name -- computed" FROM public."customer data";

-- comment on table public.customer data
-- lock: SHARE UPDATE EXCLUSIVE (brief)
COMMENT ON TABLE public."customer data" IS 'Has spaces; and -- dashes';

-- comment on column public.customer data.we"ird
-- lock: SHARE UPDATE EXCLUSIVE (brief)
COMMENT ON COLUMN public."customer data"."we""ird" IS 'it''s got a "double quote" inside; /* really */';

-- === checkpoint: deploy the new application version, then retire the old one ===

-- zdplan contract phase: run only after the old application version is retired
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- add CHECK qty; check NOT VALID: checks new writes only (the old version writes these columns)
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
DO $zdplan$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public."line;items"'::regclass AND conname = 'qty; check') THEN
    ALTER TABLE public."line;items" ADD CONSTRAINT "qty; check" CHECK ("qty -- count" > 0) NOT VALID;
  END IF;
END
$zdplan$;

-- add FOREIGN KEY line;items_customer--fkey NOT VALID: checks new writes only (the old version writes these columns)
-- lock: SHARE ROW EXCLUSIVE on both tables (brief)
DO $zdplan$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public."line;items"'::regclass AND conname = 'line;items_customer--fkey') THEN
    ALTER TABLE public."line;items" ADD CONSTRAINT "line;items_customer--fkey" FOREIGN KEY ("customer data id") REFERENCES public."customer data" (id) NOT VALID;
  END IF;
END
$zdplan$;

-- validate CHECK qty; check against existing rows
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue)
ALTER TABLE public."line;items" VALIDATE CONSTRAINT "qty; check";

-- validate FOREIGN KEY line;items_customer--fkey against existing rows
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue)
ALTER TABLE public."line;items" VALIDATE CONSTRAINT "line;items_customer--fkey";
