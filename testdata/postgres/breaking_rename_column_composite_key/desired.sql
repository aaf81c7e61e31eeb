CREATE TABLE ledger (
  tenant_id integer NOT NULL,
  entry_id bigint NOT NULL,
  amount numeric(12,2) NOT NULL,
  memo text NOT NULL, -- zdplan:renamed-from note
  PRIMARY KEY (tenant_id, entry_id)
);
