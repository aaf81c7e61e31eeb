-- The classic table split: the address columns of users move to a table of
-- their own, one row per user that has an address.
CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL,
  address_line_1 text,
  address_line_2 text
);
