CREATE SEQUENCE invoice_number_seq
    AS bigint
    INCREMENT BY 1
    MINVALUE 100000
    MAXVALUE 999999999
    START WITH 100000
    CACHE 20
    NO CYCLE;

CREATE SEQUENCE ticket_number_seq AS integer START 1 INCREMENT 5 CYCLE;

CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    customer_id bigint NOT NULL,
    amount numeric(10,2) NOT NULL,
    invoice_number bigint DEFAULT nextval('invoice_number_seq')
);
