INSERT INTO profiles (id, nickname) SELECT g, CASE WHEN g % 4 <> 0 THEN 'nick' || g END FROM generate_series(1, 2000) AS g;
