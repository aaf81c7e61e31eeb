CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  email text,
  plan text NOT NULL,
  region text NOT NULL -- zdplan:ignore ZD101 filled by the importer before the deploy
);

CREATE INDEX accounts_email_idx ON accounts (email);
