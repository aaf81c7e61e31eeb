CREATE TABLE ledger (
  tenant_id int NOT NULL,
  entry_id bigint NOT NULL,
  amount decimal(12,2) NOT NULL,
  memo varchar(100) NOT NULL, -- zdplan:renamed-from note
  PRIMARY KEY (tenant_id, entry_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
