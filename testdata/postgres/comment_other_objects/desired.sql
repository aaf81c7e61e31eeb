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

COMMENT ON TYPE order_status IS 'Lifecycle state of an order';
COMMENT ON SEQUENCE order_number_seq IS 'Human-facing order numbers';
COMMENT ON INDEX orders_status_idx IS 'Used by the fulfilment dashboard';
COMMENT ON CONSTRAINT orders_total_check ON orders IS 'Refunds are separate rows, never negative totals';
COMMENT ON VIEW paid_orders IS 'Orders ready for fulfilment';
COMMENT ON COLUMN paid_orders.total IS 'Copied from orders.total';
COMMENT ON SCHEMA public IS 'Objects of the shop application';
