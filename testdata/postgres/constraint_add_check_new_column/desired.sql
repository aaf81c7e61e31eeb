CREATE TABLE orders (
    id bigint PRIMARY KEY,
    total numeric(10,2) NOT NULL,
    discount_percent integer NOT NULL DEFAULT 0 CONSTRAINT orders_discount_percent_range CHECK (discount_percent BETWEEN 0 AND 100),
    gift_message text CHECK (char_length(gift_message) <= 280)
);
