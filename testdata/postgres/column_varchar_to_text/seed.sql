INSERT INTO articles (id, slug, summary) VALUES
    (1, 'hello-world', 'Our first post.'),
    (2, 'zero-downtime-migrations', NULL);
