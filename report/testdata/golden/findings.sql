-- zdplan expand phase: additive changes; the old application version keeps running
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- add column public.accounts.plan
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.accounts ADD COLUMN IF NOT EXISTS plan text;

-- add column public.accounts.region
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.accounts ADD COLUMN IF NOT EXISTS region text;

-- drop the INVALID leftover of an interrupted build of public.accounts_email_idx, if any
-- lock: ACCESS EXCLUSIVE (brief, only if a leftover exists)
DO $zdplan$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = to_regclass('public.accounts_email_idx') AND NOT indisvalid) THEN
    DROP INDEX public.accounts_email_idx;
  END IF;
END
$zdplan$;

-- build index public.accounts_email_idx online
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue); cannot run inside a transaction block
CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON public.accounts (email);

-- === checkpoint: deploy the new application version, then retire the old one ===

-- zdplan contract phase: run only after the old application version is retired
-- current.sql -> desired.sql
-- Every statement is safe to run again.

SET lock_timeout = '5s';

-- add NOT VALID check that public.accounts.plan is not null
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
DO $zdplan$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public.accounts'::regclass AND attname = 'plan' AND attnotnull) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public.accounts'::regclass AND conname = 'accounts_plan_zdplan_nn') THEN
    ALTER TABLE public.accounts ADD CONSTRAINT accounts_plan_zdplan_nn CHECK (plan IS NOT NULL) NOT VALID;
  END IF;
END
$zdplan$;

-- add NOT VALID check that public.accounts.region is not null
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
DO $zdplan$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = 'public.accounts'::regclass AND attname = 'region' AND attnotnull) AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public.accounts'::regclass AND conname = 'accounts_region_zdplan_nn') THEN
    ALTER TABLE public.accounts ADD CONSTRAINT accounts_region_zdplan_nn CHECK (region IS NOT NULL) NOT VALID;
  END IF;
END
$zdplan$;

-- validate that public.accounts.plan has no nulls
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue)
DO $zdplan$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public.accounts'::regclass AND conname = 'accounts_plan_zdplan_nn') THEN
    ALTER TABLE public.accounts VALIDATE CONSTRAINT accounts_plan_zdplan_nn;
  END IF;
END
$zdplan$;

-- validate that public.accounts.region has no nulls
-- lock: SHARE UPDATE EXCLUSIVE (reads and writes continue)
DO $zdplan$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = 'public.accounts'::regclass AND conname = 'accounts_region_zdplan_nn') THEN
    ALTER TABLE public.accounts VALIDATE CONSTRAINT accounts_region_zdplan_nn;
  END IF;
END
$zdplan$;

-- set public.accounts.plan NOT NULL (uses the validated check, no scan)
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.accounts ALTER COLUMN plan SET NOT NULL;

-- set public.accounts.region NOT NULL (uses the validated check, no scan)
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.accounts ALTER COLUMN region SET NOT NULL;

-- drop the temporary check accounts_plan_zdplan_nn
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.accounts DROP CONSTRAINT IF EXISTS accounts_plan_zdplan_nn;

-- drop the temporary check accounts_region_zdplan_nn
-- lock: ACCESS EXCLUSIVE (brief, catalog only)
ALTER TABLE public.accounts DROP CONSTRAINT IF EXISTS accounts_region_zdplan_nn;
