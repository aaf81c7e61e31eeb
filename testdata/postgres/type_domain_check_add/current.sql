CREATE DOMAIN price AS numeric(10,2) CONSTRAINT price_nonnegative CHECK (VALUE >= 0) CONSTRAINT price_cap CHECK (VALUE < 1000000);
CREATE TABLE products (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    price price NOT NULL
);
