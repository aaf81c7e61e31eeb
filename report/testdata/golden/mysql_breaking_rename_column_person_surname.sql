-- zdplan expand phase: additive changes; the old application version keeps running
-- current.sql -> desired.sql
-- For MySQL 8.0.29+ and MariaDB 10.6+; run with: mysql --batch DB < FILE
-- Every statement is safe to run again.

SET NAMES utf8mb4;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION lock_wait_timeout = 5;

-- add column person.surname (nullable for now) for the rename of last_name
-- lock: none (ALGORITHM=INSTANT: metadata only)
SET @zdplan_sql = IF(NOT (SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'person' AND column_name = 'surname') > 0,
  'ALTER TABLE `person` ADD COLUMN `surname` varchar(100) NULL, ALGORITHM=INSTANT',
  'DO 0');
PREPARE zdplan_stmt FROM @zdplan_sql;
EXECUTE zdplan_stmt;
DEALLOCATE PREPARE zdplan_stmt;

-- keep last_name and surname in step while both versions run
-- lock: metadata lock on the table (brief, to create or drop the trigger)
DROP TRIGGER IF EXISTS `zdplan_sync_person_surname_ins`;
CREATE TRIGGER `zdplan_sync_person_surname_ins` BEFORE INSERT ON `person` FOR EACH ROW
SET NEW.`surname` = IF(NEW.`surname` IS NULL, NEW.`last_name`, NEW.`surname`),
    NEW.`last_name` = IF(NEW.`surname` <=> NEW.`last_name`, NEW.`last_name`, NEW.`surname`);
DROP TRIGGER IF EXISTS `zdplan_sync_person_surname_upd`;
CREATE TRIGGER `zdplan_sync_person_surname_upd` BEFORE UPDATE ON `person` FOR EACH ROW
SET NEW.`surname` = IF(NOT (NEW.`last_name` <=> OLD.`last_name`) OR NEW.`surname` IS NULL, NEW.`last_name`, NEW.`surname`),
    NEW.`last_name` = IF(NOT (NEW.`surname` <=> OLD.`surname`) AND NOT (NEW.`surname` <=> NEW.`last_name`), NEW.`surname`, NEW.`last_name`);

-- zdplan backfill phase: data copies and validation; old and new application versions may both run
-- current.sql -> desired.sql
-- For MySQL 8.0.29+ and MariaDB 10.6+; run with: mysql --batch DB < FILE
-- Every statement is safe to run again.

SET NAMES utf8mb4;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION lock_wait_timeout = 5;

-- copy last_name into surname for existing rows, in batches by primary key
-- lock: row locks of one batch at a time
DROP PROCEDURE IF EXISTS `zdplan_backfill_d08af03`;
DELIMITER ;;
CREATE PROCEDURE `zdplan_backfill_d08af03`()
BEGIN
  DECLARE zdplan_batch INT DEFAULT COALESCE(@zdplan_batch_size, 5000);
  DECLARE zdplan_pause DOUBLE DEFAULT COALESCE(@zdplan_batch_pause, 0);
  DECLARE zdplan_started BOOLEAN DEFAULT FALSE;
  DECLARE zdplan_k1 bigint;
  DECLARE zdplan_n1 bigint;
  DECLARE zdplan_l1 bigint;
  -- Rows inserted from here on have their values from the triggers: the
  -- loop ends with the batch that reaches the last key of the rows there
  -- are now, rather than follow the application's inserts.
  SELECT `id` INTO zdplan_l1 FROM `person` ORDER BY `id` DESC LIMIT 1;
  zdplan_batches: LOOP
    SET zdplan_n1 = NULL;
    -- The last key of the next batch.
    SELECT zdplan_b.`id` INTO zdplan_n1 FROM (
      SELECT `id` FROM `person`
      WHERE NOT zdplan_started OR (`id`) > (zdplan_k1)
      ORDER BY `id` LIMIT zdplan_batch) AS zdplan_b
    ORDER BY zdplan_b.`id` DESC LIMIT 1;
    IF zdplan_n1 IS NULL THEN
      LEAVE zdplan_batches;
    END IF;
    UPDATE `person` SET `surname` = `last_name`
      WHERE (NOT zdplan_started OR (`id`) > (zdplan_k1)) AND (`id`) <= (zdplan_n1) AND `surname` IS NULL AND `last_name` IS NOT NULL;
    COMMIT;
    SET zdplan_k1 = zdplan_n1, zdplan_started = TRUE;
    IF zdplan_l1 IS NULL OR (zdplan_k1) >= (zdplan_l1) THEN
      LEAVE zdplan_batches;
    END IF;
    DO SLEEP(zdplan_pause);
  END LOOP;
END;;
DELIMITER ;
CALL `zdplan_backfill_d08af03`();
DROP PROCEDURE IF EXISTS `zdplan_backfill_d08af03`;

-- === checkpoint: deploy the new application version, then retire the old one ===

-- zdplan contract phase: run only after the old application version is retired
-- current.sql -> desired.sql
-- For MySQL 8.0.29+ and MariaDB 10.6+; run with: mysql --batch DB < FILE
-- Every statement is safe to run again.

SET NAMES utf8mb4;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION lock_wait_timeout = 5;

-- drop the sync triggers of person.surname
-- lock: metadata lock on the table (brief, to create or drop the trigger)
DROP TRIGGER IF EXISTS `zdplan_sync_person_surname_ins`;
DROP TRIGGER IF EXISTS `zdplan_sync_person_surname_upd`;

-- drop column person.last_name, which only the old version used
-- lock: none (ALGORITHM=INSTANT: metadata only)
SET @zdplan_sql = IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'person' AND column_name = 'last_name') > 0,
  'ALTER TABLE `person` DROP COLUMN `last_name`, ALGORITHM=INSTANT',
  'DO 0');
PREPARE zdplan_stmt FROM @zdplan_sql;
EXECUTE zdplan_stmt;
DEALLOCATE PREPARE zdplan_stmt;

-- stop if person.surname still has NULLs (fill them, then run this file again)
-- lock: none (a consistent read)
SET @zdplan_sql = IF((SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'person' AND column_name = 'surname' AND is_nullable = 'YES') > 0 AND EXISTS (SELECT 1 FROM `person` WHERE `surname` IS NULL),
  'SELECT `zdplan: NULLs left in person.surname`',
  'DO 0');
PREPARE zdplan_stmt FROM @zdplan_sql;
EXECUTE zdplan_stmt;
DEALLOCATE PREPARE zdplan_stmt;

-- give person.surname its final definition
-- lock: none (ALGORITHM=INPLACE, LOCK=NONE: rebuilds the table online)
SET @zdplan_sql = IF(NOT (SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = DATABASE() AND table_name = 'person' AND column_name = 'surname' AND column_type IN ('varchar(100)') AND is_nullable = 'NO' AND column_comment = '' AND collation_name = (SELECT table_collation FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'person') AND extra NOT LIKE '%auto_increment%' AND extra NOT LIKE '%on update%') > 0,
  'ALTER TABLE `person` MODIFY COLUMN `surname` varchar(100) NOT NULL, ALGORITHM=INPLACE, LOCK=NONE',
  'DO 0');
PREPARE zdplan_stmt FROM @zdplan_sql;
EXECUTE zdplan_stmt;
DEALLOCATE PREPARE zdplan_stmt;
