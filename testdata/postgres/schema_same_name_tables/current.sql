CREATE SCHEMA archive;

CREATE TABLE public.orders (
    id bigint PRIMARY KEY,
    total numeric(10,2) NOT NULL
);

CREATE TABLE archive.orders (
    id bigint PRIMARY KEY,
    total numeric(10,2) NOT NULL
);
