CREATE SCHEMA archive;

CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    total numeric(10,2) NOT NULL,
    coupon_code text
);

CREATE TABLE archive.orders (
    id bigint PRIMARY KEY,
    total numeric(10,2) NOT NULL,
    archived_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX orders_total_idx ON public.orders (total);
CREATE INDEX orders_archived_at_idx ON archive.orders (archived_at);
