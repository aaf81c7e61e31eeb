CREATE COLLATION legacy_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE DOMAIN legacy_note AS varchar(200) COLLATE legacy_ci;
CREATE FUNCTION seat_diff(a integer, b integer) RETURNS double precision LANGUAGE sql IMMUTABLE AS 'SELECT (a - b)::double precision';
CREATE TYPE seat_span AS RANGE (subtype = integer, subtype_diff = seat_diff);
CREATE TABLE bookings (
    id bigint PRIMARY KEY,
    guest text NOT NULL,
    seats seat_span,
    note legacy_note
);
