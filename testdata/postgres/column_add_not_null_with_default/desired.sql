CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer_email text NOT NULL,
    total numeric(10,2) NOT NULL,
    currency char(3) NOT NULL DEFAULT 'EUR',
    is_gift boolean NOT NULL DEFAULT false,
    priority integer NOT NULL DEFAULT 0
);
