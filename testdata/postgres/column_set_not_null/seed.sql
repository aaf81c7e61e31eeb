INSERT INTO users (id, email, country_code, signup_source) VALUES
    (1, 'alice@example.com', 'DE', 'web'),
    (2, 'bob@example.com', 'US', NULL),
    (3, 'carol@example.com', 'FR', 'ios');
