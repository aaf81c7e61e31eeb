CREATE SEQUENCE order_number_seq
    INCREMENT BY 10
    MINVALUE 1
    MAXVALUE 999999999
    START WITH 1
    CACHE 50;

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    order_number bigint NOT NULL DEFAULT nextval('order_number_seq')
);
