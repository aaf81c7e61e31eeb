CREATE TABLE events (
  id bigint NOT NULL,
  created_at date NOT NULL,
  kind text NOT NULL DEFAULT 'click',
  payload text,
  PRIMARY KEY (id, created_at),
  CHECK (kind <> '')
) PARTITION BY RANGE (created_at);
CREATE INDEX events_kind_idx ON events (kind);

CREATE TABLE events_2024_01 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE events_2024_02 PARTITION OF events FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE events_2024_03 PARTITION OF events FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');

-- A list-partitioned table with a default partition: a new partition is
-- attached after a check on the default one, validated online.
CREATE TABLE orders (
  id bigint NOT NULL,
  region text NOT NULL,
  total numeric(10,2)
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr');
CREATE TABLE orders_other PARTITION OF orders DEFAULT;
