INSERT INTO reporting.daily (day, total) SELECT date '2026-01-01' + g, g * 10 FROM generate_series(0, 30) AS g;
