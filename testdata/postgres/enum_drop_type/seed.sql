INSERT INTO contacts (id, email, legacy_channel) VALUES (1, 'ops@acme.example', 'fax'), (2, 'hi@globex.example', NULL);
