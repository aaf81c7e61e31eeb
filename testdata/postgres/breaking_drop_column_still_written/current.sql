-- A column the new version no longer uses: the old version keeps writing
-- it until contract drops it.
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  total numeric(12,2) NOT NULL,
  legacy_code text NOT NULL
);
