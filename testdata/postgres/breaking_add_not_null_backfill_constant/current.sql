-- A NOT NULL column without a default; existing rows, and rows the old
-- version inserts, get a constant.
CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  title text NOT NULL
);
