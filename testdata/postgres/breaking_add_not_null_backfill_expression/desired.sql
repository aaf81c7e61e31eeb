CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text NOT NULL,
  email_lower text NOT NULL -- zdplan:backfill lower(email)
);
