CREATE TABLE profiles (
  id bigint NOT NULL PRIMARY KEY,
  nickname varchar(100) NOT NULL -- zdplan:backfill 'anonymous'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
