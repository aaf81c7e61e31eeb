CREATE TABLE items (
    id bigint PRIMARY KEY,
    sku text NOT NULL,
    price numeric(10,2) NOT NULL,
    qty integer NOT NULL,
    CONSTRAINT "price.positive" CHECK (price > 0),
    CONSTRAINT qty_check CHECK (qty >= 0 AND qty < 100000),
    CONSTRAINT items_sku_key UNIQUE (sku)
);
CREATE INDEX items_sku_idx ON items (sku) WHERE sku <> '';
CREATE INDEX items_price_idx ON items (price);
CREATE INDEX items_qty_idx ON items (qty);
COMMENT ON INDEX items_sku_idx IS 'Lookups by SKU; kept across the rebuild';
COMMENT ON INDEX items_price_idx IS 'Price range scans';
COMMENT ON CONSTRAINT "price.positive" ON items IS 'Free items are not sold';
COMMENT ON CONSTRAINT qty_check ON items IS 'Stock is bounded';
COMMENT ON CONSTRAINT items_sku_key ON items IS 'One row per SKU';

CREATE TABLE suppliers (id bigint PRIMARY KEY, name text NOT NULL UNIQUE);
COMMENT ON CONSTRAINT suppliers_pkey ON suppliers IS 'Supplier number';
COMMENT ON CONSTRAINT suppliers_name_key ON suppliers IS 'Names are unique';
CREATE INDEX "suppliers.name_lower" ON suppliers (lower(name));
COMMENT ON INDEX "suppliers.name_lower" IS 'Case-insensitive search';
