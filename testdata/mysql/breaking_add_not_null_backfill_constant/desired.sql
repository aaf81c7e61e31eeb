CREATE TABLE tickets (
  id bigint NOT NULL PRIMARY KEY,
  title varchar(200) NOT NULL,
  status varchar(20) NOT NULL -- zdplan:backfill 'open'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
