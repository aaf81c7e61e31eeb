CREATE TABLE products (
  id int NOT NULL PRIMARY KEY,
  name varchar(100),
  INDEX IDX_NAME (name)
) ENGINE=InnoDB;
