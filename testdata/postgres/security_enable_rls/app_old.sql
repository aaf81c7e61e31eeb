-- The old version connects as the table's owner: row-level security does not filter it.
SET ROLE zdplan_owner;
INSERT INTO documents (id, tenant, body) VALUES (:n, 'b', 'old ' || :n);
UPDATE documents SET body = 'old touched ' || :n WHERE id = :n % 2000 + 1;
DO $$
BEGIN
  IF (SELECT count(*) FROM documents WHERE id <= 2000) <> 2000 THEN
    RAISE EXCEPTION 'the owner sees % seeded rows, want 2000', (SELECT count(*) FROM documents WHERE id <= 2000);
  END IF;
END
$$;
