CREATE TABLE events (
  id bigint PRIMARY KEY,
  name text NOT NULL,
  happened_at timestamptz NOT NULL DEFAULT now(),
  day date DEFAULT (now() AT TIME ZONE 'utc')::date,
  flagged integer DEFAULT ((current_setting('app.flag', true) IS NULL) OR (current_user = 'nobody'))::integer,
  CONSTRAINT events_day_check CHECK (((happened_at AT TIME ZONE 'utc')::date >= '2000-01-01') AND (name <> ''))
);
CREATE INDEX events_local_day_idx ON events (((happened_at AT TIME ZONE 'utc')::date));
