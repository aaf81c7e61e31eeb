CREATE DOMAIN status AS text DEFAULT 'new';
CREATE DOMAIN note AS text NOT NULL;
CREATE DOMAIN score AS integer;
CREATE TABLE tasks (
    id bigint PRIMARY KEY,
    status status,
    note note,
    score score
);
