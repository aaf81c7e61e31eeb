INSERT INTO profiles (id, nickname) VALUES (:n, 'new' || :n);
SELECT nickname FROM profiles WHERE id = :n;
