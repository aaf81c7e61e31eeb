-- A serial column renamed: the old column owns the sequence, so dropping it
-- in contract would drop the sequence the new column's default uses.
CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  seq_no serial NOT NULL
);
