CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    total numeric(10,2) NOT NULL,
    status order_status NOT NULL DEFAULT 'pending'
);
