CREATE TABLE users (
  id bigint PRIMARY KEY,
  email text NOT NULL
);

-- zdplan:split-from users on user_id = id
CREATE TABLE addresses (
  user_id bigint PRIMARY KEY REFERENCES users (id),
  address_line_1 text,
  address_line_2 text
);
