INSERT INTO "User; Data" SELECT g, 'note ' || g, 'user ' || g,
  CASE WHEN g % 3 <> 0 THEN 'street ' || g END,
  CASE WHEN g % 3 = 1 THEN 'z' || g END,
  CASE WHEN g % 2 = 0 THEN 'g' || g END,
  CASE WHEN g % 4 = 0 THEN '' ELSE g::text END
FROM generate_series(1, 300) AS g;
