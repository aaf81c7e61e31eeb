CREATE SEQUENCE tickets_seq_no_seq AS integer;
CREATE TABLE tickets (
  id bigint PRIMARY KEY,
  number integer NOT NULL DEFAULT nextval('tickets_seq_no_seq') -- zdplan:renamed-from seq_no
);
ALTER SEQUENCE tickets_seq_no_seq OWNED BY tickets.number;
