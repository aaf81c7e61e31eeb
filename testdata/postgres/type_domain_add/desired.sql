CREATE DOMAIN "Positive Int" AS integer CONSTRAINT "positive" CHECK (VALUE > 0);
CREATE DOMAIN quantity AS "Positive Int" DEFAULT 1 NOT NULL CHECK (VALUE <= 1000);
CREATE DOMAIN code AS varchar(16) COLLATE "C" CHECK (VALUE ~ '^[A-Z0-9]+$') CHECK (length(VALUE) >= 2);
CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    code code
);
CREATE TABLE orders (
    id bigint PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    qty quantity
);
COMMENT ON DOMAIN quantity IS 'how many, 1 to 1000';
COMMENT ON CONSTRAINT "positive" ON DOMAIN "Positive Int" IS 'strictly positive';
