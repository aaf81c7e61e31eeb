-- No two bookings may overlap. PostgreSQL can add an EXCLUDE constraint
-- only by building its index under ACCESS EXCLUSIVE (ZD129); the old
-- version writes the column, so the constraint waits for contract.
CREATE TABLE bookings (
  id bigint PRIMARY KEY,
  during tstzrange NOT NULL
);
