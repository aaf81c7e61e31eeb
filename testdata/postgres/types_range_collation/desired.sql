CREATE COLLATION "Guest-CI" (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
COMMENT ON COLLATION "Guest-CI" IS 'case-insensitive guest names';
CREATE FUNCTION price_diff(a numeric, b numeric) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT (a - b)::double precision';
CREATE TYPE price_range AS RANGE (subtype = numeric, subtype_diff = price_diff);
COMMENT ON TYPE price_range IS 'price band of a booking';
CREATE TABLE bookings (
    id bigint PRIMARY KEY,
    guest text NOT NULL,
    guest_key text COLLATE "Guest-CI",
    price price_range,
    price_history price_multirange
);
CREATE INDEX bookings_guest_key_idx ON bookings (guest_key);
