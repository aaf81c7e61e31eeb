CREATE TABLE payments (
    id bigint PRIMARY KEY,
    amount numeric(12,2) NOT NULL,
    fee numeric(10,2) NOT NULL DEFAULT 0
);
