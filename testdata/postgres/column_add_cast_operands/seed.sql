INSERT INTO events (id, name, happened_at) VALUES (1, 'a', '2024-01-01 10:00+00'), (2, 'b', '2024-06-30 23:30+00');
