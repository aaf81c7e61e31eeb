CREATE DOMAIN price AS numeric(10,2)
    CONSTRAINT price_not_negative CHECK (VALUE >= 0)
    CONSTRAINT price_below_100k CHECK (VALUE < 100000)
    CHECK (VALUE <> 13.13);
CREATE TABLE products (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    price price NOT NULL
);
