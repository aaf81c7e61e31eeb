CREATE TABLE products (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    price numeric(10,2) NOT NULL,
    CONSTRAINT products_price_max CHECK (price < 10000),
    CONSTRAINT products_price_positive CHECK (price > 0)
);
