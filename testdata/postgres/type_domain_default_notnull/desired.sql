CREATE DOMAIN status AS text DEFAULT 'open' NOT NULL;
CREATE DOMAIN note AS text;
CREATE DOMAIN score AS integer DEFAULT 0;
CREATE TABLE tasks (
    id bigint PRIMARY KEY,
    status status,
    note note,
    score score
);
