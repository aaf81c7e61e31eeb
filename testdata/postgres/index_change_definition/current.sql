CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL,
    reference text NOT NULL,
    status text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_user_idx ON orders (user_id);
CREATE INDEX orders_reference_idx ON orders (reference);
CREATE INDEX orders_open_idx ON orders (created_at) WHERE status = 'open';
