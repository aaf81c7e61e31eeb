CREATE TABLE coupons (
    id bigint PRIMARY KEY,
    code text NOT NULL UNIQUE
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    coupon_id bigint,
    total numeric(10,2) NOT NULL
);
