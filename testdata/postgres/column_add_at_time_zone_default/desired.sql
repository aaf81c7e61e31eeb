-- pg_query prints AT TIME ZONE without the parentheses DEFAULT needs.
CREATE TABLE audit (
  id bigint PRIMARY KEY,
  at_utc timestamp DEFAULT (now() AT TIME ZONE 'utc') NOT NULL
);
