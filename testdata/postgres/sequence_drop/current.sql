CREATE SEQUENCE legacy_ref_seq START WITH 500;

CREATE SEQUENCE report_id_seq;

CREATE TABLE reports (
    id bigint PRIMARY KEY DEFAULT nextval('report_id_seq'),
    title text NOT NULL
);
