INSERT INTO users (id, email, legacy_password_md5, fax_number) VALUES
    (1, 'alice@example.com', '5f4dcc3b5aa765d61d8327deb882cf99', NULL),
    (2, 'bob@example.com', NULL, '+1-555-0100');
