-- zdplan expand phase: additive changes; the old application version keeps running
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- add column public.notes.Title
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.notes ADD COLUMN IF NOT EXISTS "Title" character varying(200);

-- allow NULL in public.notes.body
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.notes ALTER COLUMN body DROP NOT NULL;

-- drop the INVALID leftover of an interrupted build of public.notes_title_idx, if any
-- lock: ACCESS EXCLUSIVE (brief, only if a leftover exists)
DO $zdplan$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = to_regclass('public.notes_title_idx') AND NOT indisvalid) THEN
    DROP INDEX public.notes_title_idx;
  END IF;
END
$zdplan$;

-- build index public.notes_title_idx online
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue); cannot run inside a transaction block
CREATE INDEX CONCURRENTLY IF NOT EXISTS notes_title_idx ON public.notes ("Title");
