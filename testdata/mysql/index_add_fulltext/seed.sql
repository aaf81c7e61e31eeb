INSERT INTO articles (title, body, published) VALUES
  ('Zero downtime', 'Expand, backfill, contract.', 1),
  ('Online DDL', 'ALGORITHM=INPLACE, LOCK=NONE where possible.', 0);
