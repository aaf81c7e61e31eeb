CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    subject text NOT NULL,
    status text NOT NULL,
    priority integer,
    opened_at timestamptz
);
