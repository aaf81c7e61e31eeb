CREATE TYPE address AS (street text, city text);
CREATE TYPE legacy_point AS (x integer, y integer);
CREATE TYPE scratch AS (a integer, b text);
CREATE TABLE customers (
    id bigint PRIMARY KEY,
    addr address,
    location legacy_point
);
