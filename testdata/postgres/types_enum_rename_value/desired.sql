-- zdplan:renamed-from status
CREATE TYPE ticket_status AS ENUM (
    'active',
    'waiting', -- zdplan:renamed-from 'pending'
    'closed' /* @renamed from=done */,
    'archived'
);
CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    state ticket_status NOT NULL DEFAULT 'waiting',
    previous ticket_status
);
