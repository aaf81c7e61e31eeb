INSERT INTO profiles (id) VALUES (@n);
INSERT INTO profiles (id, nickname) VALUES (@n + 300000, CONCAT('old', @n));
UPDATE profiles SET nickname = NULL WHERE id = @n + 300000;
SELECT nickname FROM profiles WHERE id = @n;
