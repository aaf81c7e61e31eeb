INSERT INTO bookings (id, during)
VALUES (:n, tstzrange(timestamptz '2020-01-01' + :n * interval '1 hour', timestamptz '2020-01-01' + (:n + 1) * interval '1 hour'));
