CREATE TABLE coupons (
    id bigint PRIMARY KEY,
    code text NOT NULL UNIQUE
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    coupon_id bigint,
    total numeric(10,2) NOT NULL,
    CONSTRAINT orders_coupon_id_fkey FOREIGN KEY (coupon_id) REFERENCES coupons (id) ON DELETE SET NULL
);
