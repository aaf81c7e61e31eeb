-- Tightening a nullable column that has NULLs: the backfill value fills
-- them, in existing rows and in rows the old version still writes.
CREATE TABLE profiles (
  id bigint PRIMARY KEY,
  nickname text
);
