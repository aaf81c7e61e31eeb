CREATE TABLE items (
  id integer NOT NULL,
  sku text NOT NULL,
  CONSTRAINT items_pkey PRIMARY KEY (id)
);
CREATE TABLE prices (
  item_id integer NOT NULL,
  amount numeric(10,2) NOT NULL,
  CONSTRAINT prices_item_fk FOREIGN KEY (item_id) REFERENCES items (id)
);
