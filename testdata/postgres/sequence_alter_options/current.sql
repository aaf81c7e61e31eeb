CREATE SEQUENCE order_number_seq
    INCREMENT BY 1
    MINVALUE 1
    MAXVALUE 9999999
    START WITH 1
    CACHE 1;

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    order_number bigint NOT NULL DEFAULT nextval('order_number_seq')
);
