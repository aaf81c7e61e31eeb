-- The schema in production today.
CREATE TABLE users (
  id         bigserial PRIMARY KEY,
  email      varchar(100) NOT NULL,
  name       text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
  id       bigserial PRIMARY KEY,
  user_id  bigint NOT NULL,
  total    numeric(10,2) NOT NULL,
  status   text NOT NULL DEFAULT 'new',
  note     text
);

CREATE INDEX orders_status_idx ON orders (status);
