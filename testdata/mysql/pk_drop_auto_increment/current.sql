CREATE TABLE friends (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id bigint NOT NULL,
  friend_id bigint NOT NULL
) ENGINE=InnoDB;
CREATE TABLE tokens (
  id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
  token varchar(64) NOT NULL
) ENGINE=InnoDB;
