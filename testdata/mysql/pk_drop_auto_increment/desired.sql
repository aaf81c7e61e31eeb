CREATE TABLE friends (
  user_id bigint NOT NULL,
  friend_id bigint NOT NULL
) ENGINE=InnoDB;
CREATE TABLE tokens (
  id bigint NOT NULL,
  token varchar(64) NOT NULL
) ENGINE=InnoDB;
