INSERT INTO `User; Data` (`ID`, `note; -- old`, `select`, `Street -- Line`, `zip ``code```, `Age; Text`) VALUES (@n, 'draft', CONCAT('user ', @n), CONCAT('street ', @n), CONCAT('z', @n), CAST(@n % 1000 AS CHAR));
UPDATE `User; Data` SET `note; -- old` = CONCAT('old ', @n) WHERE `ID` = @n;
SELECT `note; -- old`, `select`, `Street -- Line`, `zip ``code```, `group`, `Age; Text` FROM `User; Data` WHERE `ID` = @n;
