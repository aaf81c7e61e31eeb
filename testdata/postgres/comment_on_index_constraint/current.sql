CREATE TABLE items (
    id bigint PRIMARY KEY,
    sku text NOT NULL,
    price numeric(10,2) NOT NULL,
    qty integer NOT NULL,
    CONSTRAINT "price.positive" CHECK (price > 0),
    CONSTRAINT qty_check CHECK (qty >= 0)
);
CREATE INDEX items_sku_idx ON items (sku);
CREATE INDEX items_price_idx ON items (price);
CREATE INDEX items_qty_idx ON items (qty);
COMMENT ON INDEX items_price_idx IS 'to be changed';
COMMENT ON INDEX items_qty_idx IS 'to be removed';
COMMENT ON CONSTRAINT qty_check ON items IS 'old wording';
COMMENT ON CONSTRAINT items_pkey ON items IS 'to be removed';
