CREATE TABLE events (
  id bigserial NOT NULL,
  body text
);
