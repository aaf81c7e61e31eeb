CREATE TABLE legacy_customers (
    customer_no integer PRIMARY KEY,
    name text NOT NULL,
    city text
);
