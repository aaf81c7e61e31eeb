CREATE TABLE articles (
  id int unsigned NOT NULL AUTO_INCREMENT,
  title varchar(200) NOT NULL,
  body text NOT NULL,
  published tinyint(1) NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
