-- Same name, new action: sessions now go with their account.
CREATE TABLE accounts (id bigint PRIMARY KEY);
CREATE TABLE sessions (
  id bigint PRIMARY KEY,
  account_id bigint NOT NULL,
  CONSTRAINT sessions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
