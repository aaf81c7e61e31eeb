INSERT INTO settings (id, beta) VALUES (1, 0), (2, 1);
INSERT INTO settings (id, theme, page_size, locale, beta) VALUES (3, 'dark', 100, 'de', 0);
