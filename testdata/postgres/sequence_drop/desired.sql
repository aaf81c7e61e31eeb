CREATE SEQUENCE report_id_seq;

CREATE TABLE reports (
    id bigint PRIMARY KEY DEFAULT nextval('report_id_seq'),
    title text NOT NULL
);
