CREATE TABLE visits (
  page varchar(200) NOT NULL,
  seen_at datetime NOT NULL,
  id bigint NOT NULL AUTO_INCREMENT,
  PRIMARY KEY (id) COMMENT 'surrogate key'
) ENGINE=InnoDB;
