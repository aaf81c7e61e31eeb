INSERT INTO app.accounts (name) VALUES ('Acme Corp'), ('Globex');
INSERT INTO app.members (account_id, email) VALUES
    (1, 'ops@acme.example'),
    (1, 'billing@acme.example'),
    (2, 'hello@globex.example');
