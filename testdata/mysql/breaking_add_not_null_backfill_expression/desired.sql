CREATE TABLE accounts (
  id bigint NOT NULL PRIMARY KEY,
  email varchar(255) NOT NULL,
  email_lower varchar(255) NOT NULL -- zdplan:backfill LOWER(email)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
