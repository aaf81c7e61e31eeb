-- The old version numbers tickets itself; the new one leaves that to an
-- identity column. The identity must start past the rows already there.
CREATE TABLE tickets (
  id bigint NOT NULL PRIMARY KEY,
  title text NOT NULL
);
