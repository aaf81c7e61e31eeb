-- A rename in a table whose primary key has two columns: the backfill walks
-- (tenant_id, entry_id) in row order, in batches that cross tenants.
CREATE TABLE ledger (
  tenant_id int NOT NULL,
  entry_id bigint NOT NULL,
  amount decimal(12,2) NOT NULL,
  note varchar(100) NOT NULL,
  PRIMARY KEY (tenant_id, entry_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
