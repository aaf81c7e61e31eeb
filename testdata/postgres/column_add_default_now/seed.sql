INSERT INTO documents (id, title, body) VALUES
    (1, 'Onboarding guide', 'Welcome aboard.'),
    (2, 'Release notes 1.4', NULL);
