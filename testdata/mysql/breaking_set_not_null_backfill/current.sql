-- Tightening a nullable column that has NULLs: the backfill value fills
-- them, in existing rows and in rows the old version still writes.
CREATE TABLE profiles (
  id bigint NOT NULL PRIMARY KEY,
  nickname varchar(100)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
