CREATE TYPE order_status AS ENUM ('pending', 'paid');

CREATE SEQUENCE order_number_seq;

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    status order_status NOT NULL DEFAULT 'pending',
    order_number bigint NOT NULL DEFAULT nextval('order_number_seq'),
    total numeric(10,2) NOT NULL,
    CONSTRAINT orders_total_check CHECK (total >= 0)
);

CREATE INDEX orders_status_idx ON orders (status);

CREATE VIEW paid_orders AS
    SELECT id, total FROM orders WHERE status = 'paid';
