INSERT INTO page_views (id, path) VALUES (1, '/'), (2, '/pricing'), (3, '/docs');
