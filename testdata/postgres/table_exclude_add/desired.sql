CREATE TABLE bookings (
  id bigint PRIMARY KEY,
  during tstzrange NOT NULL,
  CONSTRAINT bookings_no_overlap EXCLUDE USING gist (during WITH &&)
);
