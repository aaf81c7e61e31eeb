CREATE TABLE documents (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    body text
);
