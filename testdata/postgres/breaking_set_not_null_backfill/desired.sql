CREATE TABLE profiles (
  id bigint PRIMARY KEY,
  nickname text NOT NULL -- zdplan:backfill 'anonymous'
);
