-- The primary key moves to sku, under the same name; the foreign key
-- that depended on the old key follows it.
CREATE TABLE items (
  id integer NOT NULL,
  sku text NOT NULL,
  CONSTRAINT items_pkey PRIMARY KEY (sku)
);
CREATE TABLE prices (
  item_id integer NOT NULL,
  item_sku text,
  amount numeric(10,2) NOT NULL,
  CONSTRAINT prices_item_fk FOREIGN KEY (item_sku) REFERENCES items (sku)
);
