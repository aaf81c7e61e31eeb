CREATE TABLE orders (
    id bigint PRIMARY KEY,
    status varchar(20) NOT NULL DEFAULT 'pending',
    quantity integer NOT NULL,
    CONSTRAINT orders_status_check CHECK (status IN ('pending', 'paid', 'shipped', 'refunded')),
    CONSTRAINT orders_quantity_check CHECK (quantity > 0 AND quantity <= 1000)
);
