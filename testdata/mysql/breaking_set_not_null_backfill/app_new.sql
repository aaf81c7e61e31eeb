INSERT INTO profiles (id, nickname) VALUES (@n, CONCAT('new', @n));
SELECT nickname FROM profiles WHERE id = @n;
