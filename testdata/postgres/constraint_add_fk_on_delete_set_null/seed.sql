INSERT INTO coupons (id, code) VALUES (1, 'WELCOME10'), (2, 'BLACKFRIDAY');
INSERT INTO orders (id, coupon_id, total) VALUES
    (100, 1, 45.00),
    (101, NULL, 12.00),
    (102, 2, 99.90);
