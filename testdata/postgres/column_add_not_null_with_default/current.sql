CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_email text NOT NULL,
    total numeric(10,2) NOT NULL
);
