CREATE TABLE documents (
    id bigint PRIMARY KEY,
    tenant text NOT NULL,
    body text NOT NULL
);
