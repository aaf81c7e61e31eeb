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

CREATE MATERIALIZED VIEW daily_revenue AS
    SELECT date_trunc('day', placed_at) AS day, count(*) AS order_count, sum(total) AS revenue
    FROM orders
    GROUP BY 1;

CREATE UNIQUE INDEX daily_revenue_day_idx ON daily_revenue (day);
