CREATE TABLE users (
  id bigint NOT NULL PRIMARY KEY,
  email varchar(255) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- zdplan:split-from users on user_id = id
CREATE TABLE addresses (
  user_id bigint NOT NULL PRIMARY KEY,
  address_line_1 varchar(255),
  address_line_2 varchar(255),
  CONSTRAINT addresses_user_fk FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
