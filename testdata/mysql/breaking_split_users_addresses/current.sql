-- The classic table split: the address columns of users move to a table of
-- their own, one row per user that has an address.
CREATE TABLE users (
  id bigint NOT NULL PRIMARY KEY,
  email varchar(255) NOT NULL,
  address_line_1 varchar(255),
  address_line_2 varchar(255)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
