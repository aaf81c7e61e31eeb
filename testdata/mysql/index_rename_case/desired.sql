CREATE TABLE products (
  id int NOT NULL PRIMARY KEY,
  name varchar(100),
  INDEX idx_name (name)
) ENGINE=InnoDB;
