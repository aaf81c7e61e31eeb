CREATE TABLE events (id bigint PRIMARY KEY, kind text, payload text);
CREATE INDEX events_kind_idx ON events (kind) WITH (fillfactor = 80, deduplicate_items = off);
CREATE INDEX events_payload_idx ON events USING hash (payload) WITH (fillfactor = 60);
