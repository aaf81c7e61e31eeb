CREATE TABLE payments (
  id bigint NOT NULL PRIMARY KEY,
  amount decimal(12,2) NOT NULL DEFAULT 0, -- zdplan:using CAST(COALESCE(NULLIF(TRIM(amount), ''), '0') AS DECIMAL(12,2))
  note varchar(100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
