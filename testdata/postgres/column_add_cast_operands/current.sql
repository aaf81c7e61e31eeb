CREATE TABLE events (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  happened_at timestamptz NOT NULL DEFAULT now()
);
