-- A type change that rewrites the table goes through a shadow column; the
-- conversion is given as a hint.
CREATE TABLE payments (
  id bigint PRIMARY KEY,
  amount text NOT NULL DEFAULT '0',
  note text
);
