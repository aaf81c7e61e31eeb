-- Character sets and collations: inherited, spelled out, column overrides.
CREATE TABLE legacy (
  id int NOT NULL PRIMARY KEY,
  name varchar(50) NOT NULL,
  code char(3) CHARACTER SET ascii NOT NULL,
  nick varchar(20) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  note text CHARACTER SET latin1 COLLATE latin1_swedish_ci,
  sorted varchar(20) COLLATE latin1_german1_ci,
  strict_name char(10) BINARY,
  old_utf8 varchar(10) CHARSET utf8
) ENGINE=InnoDB DEFAULT CHARSET=latin1;

CREATE TABLE modern (
  id int NOT NULL PRIMARY KEY,
  title varchar(100) COLLATE utf8mb4_unicode_ci,
  plain varchar(100) CHARACTER SET utf8mb4,
  same varchar(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci,
  doc json,
  payload longtext
) ENGINE=InnoDB COLLATE=utf8mb4_unicode_ci;

CREATE TABLE explicit_default (
  id int NOT NULL PRIMARY KEY,
  v varchar(10)
) ENGINE=InnoDB DEFAULT CHARACTER SET = utf8mb4 COLLATE = utf8mb4_general_ci;
