CREATE TABLE users (
    id bigint PRIMARY KEY,
    email text NOT NULL
);

CREATE TABLE audit_events (
    id bigint PRIMARY KEY,
    actor_id bigint,
    action text NOT NULL
);
