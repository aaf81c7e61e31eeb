CREATE TABLE documents (
    id bigint PRIMARY KEY,
    tenant text NOT NULL,
    body text NOT NULL
);
-- The application's role (privileges are part of the schema).
GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO zdplan_app;
