SELECT 'old version row wrong: ' || n FROM unnest(ARRAY[:old_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM profiles WHERE id = n AND nickname = 'anonymous')
   OR NOT EXISTS (SELECT 1 FROM profiles WHERE id = n + 300000 AND nickname = 'anonymous');
SELECT 'new version row wrong: ' || n FROM unnest(ARRAY[:new_ns]::bigint[]) AS n
WHERE NOT EXISTS (SELECT 1 FROM profiles WHERE id = n AND nickname = 'new' || n);
SELECT 'seeded row wrong: ' || id FROM profiles WHERE id <= 2000
  AND nickname <> CASE WHEN id % 4 <> 0 THEN 'nick' || id ELSE 'anonymous' END;
