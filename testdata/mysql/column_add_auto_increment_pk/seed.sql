INSERT INTO visits (page, seen_at) VALUES ('/', '2026-01-01 10:00:00'), ('/about', '2026-01-01 10:05:00');
