-- zdplan expand phase: additive changes; the old application version keeps running
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- add column public.person.surname (nullable for now) for the rename of last_name
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.person ADD COLUMN IF NOT EXISTS surname character varying(100);

-- keep last_name and surname in step while both versions run
-- lock: SHARE ROW EXCLUSIVE (brief, to create the trigger)
BEGIN;
CREATE OR REPLACE FUNCTION public.zdplan_sync_person_surname() RETURNS trigger LANGUAGE plpgsql AS $zdplan$
DECLARE
  fwd character varying(100);
BEGIN
  -- The value the old version's column gives the new one.
  fwd := NEW.last_name;
  IF TG_OP = 'INSERT' THEN
    IF NEW.surname IS NULL THEN
      NEW.surname := fwd;                 -- written by the old version
    ELSIF NEW.surname IS DISTINCT FROM fwd THEN
      NEW.last_name := NEW.surname;   -- written by the new version
    END IF;
  ELSIF NEW.last_name IS DISTINCT FROM OLD.last_name OR NEW.surname IS NULL THEN
    NEW.surname := fwd;                 -- also a row not backfilled yet
  ELSIF NEW.surname IS DISTINCT FROM OLD.surname AND NEW.surname IS DISTINCT FROM fwd THEN
    NEW.last_name := NEW.surname;
  END IF;
  RETURN NEW;
END
$zdplan$;
DROP TRIGGER IF EXISTS zdplan_sync_surname ON public.person;
CREATE TRIGGER zdplan_sync_surname BEFORE INSERT OR UPDATE ON public.person FOR EACH ROW WHEN (pg_catalog.current_setting('zdplan.backfill', true) IS DISTINCT FROM 'public.zdplan_sync_person_surname') EXECUTE FUNCTION public.zdplan_sync_person_surname();
COMMIT;

-- add NOT VALID check that public.person.surname is not null
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
DO $zdplan$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public.person'::regclass AND attname = 'surname' AND attnotnull) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public.person'::regclass AND conname = 'person_surname_zdplan_nn') THEN
    ALTER TABLE public.person ADD CONSTRAINT person_surname_zdplan_nn CHECK (surname IS NOT NULL) NOT VALID;
  END IF;
END
$zdplan$;

-- zdplan backfill phase: data copies and validation; old and new application versions may both run
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- copy last_name into surname for existing rows, in batches by primary key
-- lock: ROW EXCLUSIVE; row locks of one batch at a time; cannot run inside a transaction block
DO $zdplan$
DECLARE
  zdplan_batch integer := coalesce(nullif(current_setting('zdplan.batch_size', true), '')::integer, 5000);
  zdplan_pause double precision := coalesce(nullif(current_setting('zdplan.batch_pause', true), '')::double precision, 0);
  zdplan_started boolean := false;
  zdplan_k1 public.person.id%TYPE;
  zdplan_n1 public.person.id%TYPE;
  zdplan_l1 public.person.id%TYPE;
BEGIN
  -- The trigger that would write the same values skips this session's
  -- writes until the loop ends.
  PERFORM pg_catalog.set_config('zdplan.backfill', 'public.zdplan_sync_person_surname', false);
  -- Rows inserted from here on have their values from the triggers: the
  -- loop ends with the batch that reaches the last key of the rows there
  -- are now, rather than follow the application's inserts.
  SELECT id INTO zdplan_l1 FROM public.person ORDER BY id DESC LIMIT 1;
  LOOP
    -- Each batch's statements are planned for its own keys: a generic
    -- plan of "NOT zdplan_started OR key > $1", which PostgreSQL may
    -- switch to after five batches, cannot use the key's index and would
    -- read the table from its first row in every batch. The setting ends
    -- with the batch's transaction.
    PERFORM pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', true);
    -- The last key of the next batch.
    SELECT id INTO zdplan_n1 FROM (
      SELECT id FROM public.person
      WHERE NOT zdplan_started OR (id) > (zdplan_k1)
      ORDER BY id LIMIT zdplan_batch) AS zdplan_b
    ORDER BY id DESC LIMIT 1;
    EXIT WHEN NOT FOUND;
    UPDATE public.person SET surname = last_name
      WHERE (NOT zdplan_started OR (id) > (zdplan_k1)) AND (id) <= (zdplan_n1) AND surname IS NULL AND last_name IS NOT NULL;
    zdplan_k1 := zdplan_n1;
    zdplan_started := true;
    COMMIT;
    EXIT WHEN zdplan_l1 IS NULL OR (zdplan_k1) >= (zdplan_l1);
    PERFORM pg_sleep(zdplan_pause);
  END LOOP;
  PERFORM pg_catalog.set_config('zdplan.backfill', '', false);
END
$zdplan$;

-- validate that public.person.surname has no nulls
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue)
DO $zdplan$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public.person'::regclass AND conname = 'person_surname_zdplan_nn') THEN
    ALTER TABLE public.person VALIDATE CONSTRAINT person_surname_zdplan_nn;
  END IF;
END
$zdplan$;

-- === checkpoint: deploy the new application version, then retire the old one ===

-- zdplan contract phase: run only after the old application version is retired
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- drop the sync trigger of public.person.surname
-- lock: SHARE ROW EXCLUSIVE (brief, to create the trigger)
DROP TRIGGER IF EXISTS zdplan_sync_surname ON public.person;
DROP FUNCTION IF EXISTS public.zdplan_sync_person_surname();

-- drop column public.person.last_name, which only the old version used
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.person DROP COLUMN IF EXISTS last_name;

-- set public.person.surname NOT NULL (uses the validated check, no scan)
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.person ALTER COLUMN surname SET NOT NULL;

-- drop the temporary check person_surname_zdplan_nn
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.person DROP CONSTRAINT IF EXISTS person_surname_zdplan_nn;
