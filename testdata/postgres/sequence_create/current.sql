CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    amount numeric(10,2) NOT NULL
);
