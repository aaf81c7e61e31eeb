CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    currency char(3) NOT NULL,
    due_days integer,
    issued_at timestamptz NOT NULL DEFAULT now()
);
