SELECT 'old version row missing: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE id = n);
SELECT 'new version row missing: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM bookings WHERE id = n);
SELECT 'overlap accepted' FROM bookings a JOIN bookings b ON a.id < b.id AND a.during && b.during;
