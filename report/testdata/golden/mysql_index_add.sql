-- zdplan expand phase: additive changes; the old application version keeps running
-- current.sql -> desired.sql
-- For MySQL 8.0.29+ and MariaDB 10.6+; run with: mysql --batch DB < FILE
-- Every statement is safe to run again.

SET NAMES utf8mb4;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';
SET SESSION lock_wait_timeout = 5;

-- build index orders_email_prefix on orders
-- lock: none (ALGORITHM=INPLACE, LOCK=NONE)
SET @zdplan_sql = IF(NOT (SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'orders' AND index_name = 'orders_email_prefix') > 0,
  'ALTER TABLE `orders` ADD INDEX `orders_email_prefix` (`customer_email`(20)), ALGORITHM=INPLACE, LOCK=NONE',
  'DO 0');
PREPARE zdplan_stmt FROM @zdplan_sql;
EXECUTE zdplan_stmt;
DEALLOCATE PREPARE zdplan_stmt;

-- build index orders_status_placed_at on orders
-- lock: none (ALGORITHM=INPLACE, LOCK=NONE)
SET @zdplan_sql = IF(NOT (SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = DATABASE() AND table_name = 'orders' AND index_name = 'orders_status_placed_at') > 0,
  'ALTER TABLE `orders` ADD INDEX `orders_status_placed_at` (`status`, `placed_at`), ALGORITHM=INPLACE, LOCK=NONE',
  'DO 0');
PREPARE zdplan_stmt FROM @zdplan_sql;
EXECUTE zdplan_stmt;
DEALLOCATE PREPARE zdplan_stmt;
