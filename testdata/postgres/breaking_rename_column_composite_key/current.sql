-- A rename in a table whose primary key has two columns: the backfill walks
-- (tenant_id, entry_id) in row order, in batches that cross tenants.
CREATE TABLE ledger (
  tenant_id integer NOT NULL,
  entry_id bigint NOT NULL,
  amount numeric(12,2) NOT NULL,
  note text NOT NULL,
  PRIMARY KEY (tenant_id, entry_id)
);
