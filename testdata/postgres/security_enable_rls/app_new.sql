-- The new version connects as zdplan_app, for tenant a.
SET ROLE zdplan_app;
SET app.tenant = 'a';
INSERT INTO documents (id, tenant, body) VALUES (:n, 'a', 'new ' || :n);
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM documents WHERE tenant NOT IN ('a', 'shared')) THEN
    RAISE EXCEPTION 'zdplan_app sees another tenant''s rows';
  END IF;
  IF (SELECT count(*) FROM documents WHERE id <= 2000) <> 1333 THEN
    RAISE EXCEPTION 'zdplan_app sees % seeded rows, want 1333', (SELECT count(*) FROM documents WHERE id <= 2000);
  END IF;
  BEGIN
    INSERT INTO documents (id, tenant, body) VALUES (-1, 'b', 'intruder');
    RAISE EXCEPTION 'zdplan_app wrote a row of tenant b';
  EXCEPTION WHEN insufficient_privilege THEN
    NULL; -- the WITH CHECK expression refused it
  END;
END
$$;
