CREATE TYPE address AS (street text, city text, zip text COLLATE "C");
COMMENT ON TYPE address IS 'postal address';
-- Unused: its attributes change in place, and their order by creating it again.
CREATE TYPE scratch AS (b varchar(20), a bigint);
CREATE TYPE amount AS (value numeric(12,2), currency character(3));
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    addr address,
    balance amount
);
CREATE FUNCTION customer_city(a address) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT a.city';
