-- zdplan expand phase: additive changes; the old application version keeps running
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- add column public.users.team_id
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.users ADD COLUMN IF NOT EXISTS team_id bigint;

-- drop the INVALID leftover of an interrupted build of public.users_team_id_idx, if any
-- lock: ACCESS EXCLUSIVE (brief, only if a leftover exists)
DO $zdplan$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = to_regclass('public.users_team_id_idx') AND NOT indisvalid) THEN
    DROP INDEX public.users_team_id_idx;
  END IF;
END
$zdplan$;

-- build index public.users_team_id_idx online
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue); cannot run inside a transaction block
CREATE INDEX CONCURRENTLY IF NOT EXISTS users_team_id_idx ON public.users (team_id);

-- add FOREIGN KEY users_team_id_fkey NOT VALID: checks new writes only (only new columns, which the old version does not write)
-- lock: SHARE ROW EXCLUSIVE on both tables (brief)
DO $zdplan$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public.users'::regclass AND conname = 'users_team_id_fkey') THEN
    ALTER TABLE public.users ADD CONSTRAINT users_team_id_fkey FOREIGN KEY (team_id) REFERENCES public.teams (id) ON DELETE SET NULL NOT VALID;
  END IF;
END
$zdplan$;

-- zdplan backfill phase: data copies and validation; old and new application versions may both run
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- validate FOREIGN KEY users_team_id_fkey against existing rows
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue)
ALTER TABLE public.users VALIDATE CONSTRAINT users_team_id_fkey;
