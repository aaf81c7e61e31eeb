-- The schema the next application version needs.
CREATE TYPE order_status AS ENUM ('new', 'paid', 'shipped');

CREATE TABLE users (
  id         bigserial PRIMARY KEY,
  email      varchar(255) NOT NULL UNIQUE,        -- widened, and now unique
  name       text NOT NULL,                       -- every user has a name now
  created_at timestamptz NOT NULL DEFAULT now(),
  plan       text NOT NULL DEFAULT 'free'         -- new column with a constant default
);
COMMENT ON COLUMN users.plan IS 'billing plan';

CREATE TABLE orders (
  id       bigserial PRIMARY KEY,
  user_id  bigint NOT NULL REFERENCES users (id), -- a foreign key on an existing column
  total    numeric(12,2) NOT NULL CHECK (total >= 0),
  status   text NOT NULL DEFAULT 'new',
  shipped_at timestamptz
);

CREATE INDEX orders_user_id_idx ON orders (user_id);
CREATE INDEX orders_open_idx ON orders (user_id) WHERE shipped_at IS NULL;

CREATE VIEW open_orders AS
  SELECT id, user_id, total FROM orders WHERE shipped_at IS NULL;
