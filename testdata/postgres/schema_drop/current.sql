CREATE SCHEMA reporting;

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    total numeric(10,2) NOT NULL
);

CREATE TABLE reporting.snapshots (
    id bigint PRIMARY KEY,
    taken_at timestamptz NOT NULL DEFAULT now(),
    order_count integer NOT NULL
);

CREATE VIEW reporting.order_totals AS
    SELECT count(*) AS order_count, sum(total) AS revenue FROM public.orders;
