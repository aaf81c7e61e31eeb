CREATE TABLE accounts (
    id bigint PRIMARY KEY,
    name text NOT NULL,
    login_count integer DEFAULT 0,
    plan text DEFAULT 'x',
    is_suspended boolean DEFAULT false,
    balance numeric(10,2) DEFAULT 0.00
);
