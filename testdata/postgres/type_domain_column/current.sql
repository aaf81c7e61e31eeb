CREATE DOMAIN legacy_flag AS smallint CHECK (VALUE IN (0, 1));
CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL
);
CREATE TABLE legacy (
    id bigint PRIMARY KEY,
    flag legacy_flag
);
