CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    subject text NOT NULL,
    status text NOT NULL DEFAULT 'open',
    priority integer DEFAULT 3,
    opened_at timestamptz DEFAULT now()
);
