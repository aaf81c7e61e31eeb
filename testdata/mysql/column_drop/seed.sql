INSERT INTO users (email, legacy_token, fax) VALUES
    ('alice@example.com', SHA1('a'), '555-0100'),
    ('bob@example.com', NULL, NULL);
