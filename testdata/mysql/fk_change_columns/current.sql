CREATE TABLE items (
  item_id int NOT NULL,
  supplier_id int NOT NULL,
  PRIMARY KEY (item_id),
  UNIQUE KEY items_supplier_item (supplier_id, item_id)
) ENGINE=InnoDB;
CREATE TABLE prices (
  price_id int NOT NULL PRIMARY KEY,
  item_id int,
  supplier_id int,
  CONSTRAINT prices_item_fk FOREIGN KEY (item_id) REFERENCES items (item_id)
) ENGINE=InnoDB;
CREATE TABLE posts (
  id int NOT NULL PRIMARY KEY,
  author_id int,
  FOREIGN KEY (author_id) REFERENCES items (item_id)
) ENGINE=InnoDB;
