-- Schema description used by Snapshot: information_schema only, never SHOW
-- CREATE (whose text depends on server version and options). Every row
-- starts with a tag naming its kind; snapshot.go turns the rows into
-- "<kind> <name>" keys and descriptions. Run by hand with
--   mysql --xml DBNAME < snapshot.sql
--
-- Left out on purpose (see Snapshot's doc comment): column order, the
-- AUTO_INCREMENT counter, row counts and sizes, create options (ROW_FORMAT,
-- STATS_*, partitioning), definers, creation times, sql_mode of stored
-- objects, and the LEVEL (column/table) of CHECK constraints.

-- tables (views are described below; sequences and system-versioned
-- tables keep their TABLE_TYPE)
SELECT 'table', table_name, table_type, engine, table_collation, table_comment
FROM information_schema.tables
WHERE table_schema = DATABASE() AND table_type <> 'VIEW'
ORDER BY table_name;

-- columns of tables and views; the ordinal position is only used to list
-- view columns in order
SELECT 'column', c.table_name, c.column_name, c.ordinal_position, c.column_type, c.is_nullable,
       c.column_default, c.extra, c.character_set_name, c.collation_name,
       c.generation_expression, c.column_comment, t.table_type
FROM information_schema.columns c
JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
WHERE c.table_schema = DATABASE()
ORDER BY c.table_name, c.ordinal_position;

-- indexes, including PRIMARY and the indexes behind UNIQUE constraints and
-- foreign keys
SELECT 'index', table_name, index_name, non_unique, seq_in_index, column_name, sub_part,
       collation, index_type, index_comment, ignored
FROM information_schema.statistics
WHERE table_schema = DATABASE()
ORDER BY table_name, index_name, seq_in_index;

-- foreign keys, one row per column
SELECT 'fk', k.table_name, k.constraint_name, k.ordinal_position, k.column_name,
       IF(k.referenced_table_schema = DATABASE(), '', k.referenced_table_schema),
       k.referenced_table_name, k.referenced_column_name, r.update_rule, r.delete_rule
FROM information_schema.table_constraints tc
JOIN information_schema.key_column_usage k
  ON k.constraint_schema = tc.constraint_schema AND k.table_name = tc.table_name
 AND k.constraint_name = tc.constraint_name
JOIN information_schema.referential_constraints r
  ON r.constraint_schema = tc.constraint_schema AND r.table_name = tc.table_name
 AND r.constraint_name = tc.constraint_name
WHERE tc.constraint_schema = DATABASE() AND tc.constraint_type = 'FOREIGN KEY'
ORDER BY k.table_name, k.constraint_name, k.ordinal_position;

-- CHECK constraints (MariaDB names an unnamed table-level check
-- CONSTRAINT_<n> and an inline column check after its column)
SELECT 'check', table_name, constraint_name, check_clause
FROM information_schema.check_constraints
WHERE constraint_schema = DATABASE()
ORDER BY table_name, constraint_name;

-- views; the stored definition qualifies every name with the database,
-- which differs between the two databases compared, so that qualifier is
-- removed
SELECT 'view', table_name,
       REPLACE(view_definition, CONCAT('`', DATABASE(), '`.'), ''),
       check_option, security_type, algorithm
FROM information_schema.views
WHERE table_schema = DATABASE()
ORDER BY table_name;

-- triggers (zdplan's sync triggers must be gone after contract)
SELECT 'trigger', event_object_table, trigger_name, action_timing, event_manipulation,
       action_orientation, action_order,
       REPLACE(action_statement, CONCAT('`', DATABASE(), '`.'), '')
FROM information_schema.triggers
WHERE trigger_schema = DATABASE()
ORDER BY event_object_table, trigger_name;

-- stored routines (a plan's helper procedures must not be left behind)
SELECT 'routine', routine_type, routine_name, dtd_identifier, is_deterministic, sql_data_access,
       REPLACE(routine_definition, CONCAT('`', DATABASE(), '`.'), ''), routine_comment
FROM information_schema.routines
WHERE routine_schema = DATABASE()
ORDER BY routine_type, routine_name;

SELECT 'param', r.routine_type, r.routine_name, p.ordinal_position, p.parameter_mode,
       p.parameter_name, p.dtd_identifier
FROM information_schema.parameters p
JOIN information_schema.routines r
  ON r.routine_schema = p.specific_schema AND r.specific_name = p.specific_name
WHERE p.specific_schema = DATABASE() AND p.ordinal_position > 0
ORDER BY r.routine_type, r.routine_name, p.ordinal_position;

-- events
SELECT 'event', event_name, event_type, interval_value, interval_field, status,
       REPLACE(event_definition, CONCAT('`', DATABASE(), '`.'), '')
FROM information_schema.events
WHERE event_schema = DATABASE()
ORDER BY event_name;
