-- Two users in three have an address; some have only a first line.
INSERT INTO users (id, email, address_line_1, address_line_2)
SELECT g, 'user' || g || '@example.com',
       CASE WHEN g % 3 <> 0 THEN 'line1-' || g END,
       CASE WHEN g % 3 = 1 THEN 'line2-' || g END
FROM generate_series(1, 2000) AS g;
