CREATE TABLE payments (
    id bigint PRIMARY KEY,
    amount numeric(10,2) NOT NULL,
    fee numeric(10,2) NOT NULL DEFAULT 0
);
