-- A NOT NULL column without a default, whose existing rows get a value
-- computed from another column.
CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text NOT NULL
);
