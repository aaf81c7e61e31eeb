INSERT INTO bookings (id, during)
SELECT g, tstzrange(timestamptz '2020-01-01' + g * interval '1 hour', timestamptz '2020-01-01' + (g + 1) * interval '1 hour')
FROM generate_series(1, 500) AS g;
