CREATE TYPE status AS ENUM ('active', 'pending', 'closed');
CREATE TABLE tickets (
    id bigint PRIMARY KEY,
    state status NOT NULL DEFAULT 'pending',
    previous status
);
