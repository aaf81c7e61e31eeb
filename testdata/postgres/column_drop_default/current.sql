CREATE TABLE invoices (
    id bigint PRIMARY KEY,
    currency char(3) NOT NULL DEFAULT 'USD',
    due_days integer DEFAULT 30,
    issued_at timestamptz NOT NULL DEFAULT now()
);
