CREATE SCHEMA reporting;
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT, INSERT ON TABLES TO zdplan_test_ro;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE zdplan_test_admin IN SCHEMA reporting GRANT SELECT ON TABLES TO zdplan_test_app;
-- Both get SELECT and INSERT for zdplan_test_ro from the defaults above.
CREATE TABLE reporting.daily (day date PRIMARY KEY, total bigint);
CREATE TABLE reporting.weekly (week date PRIMARY KEY, total bigint);
-- The plan creates its sequence while CURRENT's defaults still give
-- zdplan_test_app USAGE on it, which DESIRED does not.
CREATE TABLE public.audit (id bigserial PRIMARY KEY, what text);
