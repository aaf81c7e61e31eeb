CREATE COLLATION legacy_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE TYPE seat_span AS RANGE (subtype = integer);
CREATE TABLE bookings (
    id bigint PRIMARY KEY,
    guest text NOT NULL,
    seats seat_span,
    note varchar(200) COLLATE legacy_ci
);
