CREATE SCHEMA reporting;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO zdplan_test_ro;
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO zdplan_test_app;
-- Created after the defaults: zdplan_test_ro may read it.
CREATE TABLE reporting.daily (day date PRIMARY KEY, total bigint);
