-- January goes (detached concurrently, then dropped), April comes
-- (created standalone, then attached), the parent gets a column, which
-- its partitions take from it, and an index, built partition by
-- partition.
CREATE TABLE events (
  id bigint NOT NULL,
  created_at date NOT NULL,
  kind text NOT NULL DEFAULT 'click',
  payload text,
  source text,
  PRIMARY KEY (id, created_at),
  CHECK (kind <> '')
) PARTITION BY RANGE (created_at);
CREATE INDEX events_kind_idx ON events (kind);
CREATE INDEX events_source_idx ON events (source);

CREATE TABLE events_2024_02 PARTITION OF events FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE events_2024_03 PARTITION OF events FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
CREATE TABLE events_2024_04 PARTITION OF events FOR VALUES FROM ('2024-04-01') TO ('2024-05-01');

CREATE TABLE orders (
  id bigint NOT NULL,
  region text NOT NULL,
  total numeric(10,2)
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'fr');
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE TABLE orders_other PARTITION OF orders DEFAULT;
