CREATE TABLE documents (
    id bigint PRIMARY KEY,
    tenant text NOT NULL,
    body text NOT NULL
);

CREATE POLICY tenant_isolation ON documents
    FOR ALL TO zdplan_app
    USING (tenant = current_setting('app.tenant', true))
    WITH CHECK (tenant = current_setting('app.tenant', true));

CREATE POLICY shared_read ON documents AS PERMISSIVE FOR SELECT TO zdplan_app USING (tenant = 'shared');

ALTER TABLE documents ENABLE ROW LEVEL SECURITY;
-- The application's role (privileges are part of the schema).
GRANT SELECT, INSERT, UPDATE, DELETE ON documents TO zdplan_app;
