CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_email text NOT NULL,
    shipping_address text,
    total numeric(10,2) NOT NULL
);
