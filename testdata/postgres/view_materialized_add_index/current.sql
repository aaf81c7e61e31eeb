CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL,
    display_name text,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    total numeric(10,2) NOT NULL,
    placed_at timestamptz NOT NULL DEFAULT now()
);

CREATE MATERIALIZED VIEW user_order_counts AS
    SELECT user_id, count(*) AS order_count
    FROM orders
    GROUP BY user_id;
