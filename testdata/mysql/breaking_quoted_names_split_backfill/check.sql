SELECT CONCAT('old version row missing or wrong: ', n) FROM zdt_ns WHERE version = 'old'
AND NOT EXISTS (SELECT 1 FROM `User; Data` WHERE `ID` = zdt_ns.n AND `Note; -- New` = CONCAT('old ', zdt_ns.n) AND `group` = 'none; -- really'
                AND `order` = CHAR_LENGTH(CONCAT('user ', zdt_ns.n)) AND `Age; Text` = zdt_ns.n % 1000);
SELECT CONCAT('new version row missing or wrong: ', n) FROM zdt_ns WHERE version = 'new'
AND NOT EXISTS (SELECT 1 FROM `User; Data` WHERE `ID` = zdt_ns.n AND `Note; -- New` = CONCAT('new ', zdt_ns.n) AND `group` = 'g' AND `order` = 3 AND `Age; Text` = 7);
SELECT CONCAT('address missing or wrong: ', version, ' ', n) FROM zdt_ns
WHERE NOT EXISTS (SELECT 1 FROM `Address -- Book` WHERE `user id` = zdt_ns.n AND `Street -- Line` = CONCAT('street ', zdt_ns.n) AND `zip ``code``` = CONCAT('z', zdt_ns.n));
SELECT 'seeded rows lost' FROM DUAL WHERE (SELECT COUNT(*) FROM `User; Data` WHERE `ID` <= 300) <> 300;
SELECT CONCAT('seeded row wrong: ', `ID`) FROM `User; Data`
WHERE `ID` <= 300 AND NOT (`Note; -- New` = CONCAT('note ', `ID`)
  AND `group` = CASE WHEN `ID` % 2 = 0 THEN CONCAT('g', `ID`) ELSE 'none; -- really' END
  AND `order` = CHAR_LENGTH(CONCAT('user ', `ID`))
  AND `Age; Text` <=> CASE WHEN `ID` % 4 <> 0 THEN `ID` END);
SELECT CONCAT('seeded address wrong: ', u.`ID`) FROM `User; Data` AS u LEFT JOIN `Address -- Book` AS a ON a.`user id` = u.`ID`
WHERE u.`ID` <= 300 AND ((u.`ID` % 3 <> 0) <> (a.`user id` IS NOT NULL)
   OR a.`user id` IS NOT NULL AND (a.`Street -- Line` <> CONCAT('street ', u.`ID`) OR NOT (a.`zip ``code``` <=> CASE WHEN u.`ID` % 3 = 1 THEN CONCAT('z', u.`ID`) END)));
