CREATE TABLE person (
  id bigint PRIMARY KEY,
  first_name text NOT NULL,
  surname varchar(100) NOT NULL -- zdplan:renamed-from last_name
);
