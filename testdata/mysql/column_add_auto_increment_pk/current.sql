CREATE TABLE visits (
  page varchar(200) NOT NULL,
  seen_at datetime NOT NULL
) ENGINE=InnoDB;
