CREATE TABLE users (
  id int NOT NULL PRIMARY KEY,
  email varchar(200) NOT NULL,
  bio tinyblob,
  KEY users_email (email) COMMENT 'login and password reset lookups',
  UNIQUE KEY users_bio (bio)
) ENGINE=InnoDB;
