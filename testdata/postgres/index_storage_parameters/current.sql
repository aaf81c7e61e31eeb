CREATE TABLE events (id bigint PRIMARY KEY, kind text, payload text);
CREATE INDEX events_kind_idx ON events (kind) WITH (fillfactor = 70);
