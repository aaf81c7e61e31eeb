CREATE TABLE accounts (
  id bigint PRIMARY KEY,
  seq_no integer,
  note text
);
