CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  title text NOT NULL,
  status text NOT NULL -- zdplan:backfill 'open'
);
