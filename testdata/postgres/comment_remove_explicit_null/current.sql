CREATE TABLE orders (
    id bigint PRIMARY KEY,
    total numeric(10,2) NOT NULL
);

COMMENT ON TABLE orders IS 'Customer orders';
COMMENT ON COLUMN orders.total IS 'Gross total incl. VAT';
