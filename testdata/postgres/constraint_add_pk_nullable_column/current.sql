CREATE TABLE legacy_customers (
    customer_no integer,
    name text NOT NULL,
    city text
);
