CREATE TABLE users (
  id int NOT NULL PRIMARY KEY,
  email varchar(200) NOT NULL,
  bio tinyblob,
  KEY users_email (email) COMMENT 'login lookups'
) ENGINE=InnoDB;
