CREATE TABLE users (id bigint PRIMARY KEY, name character varying(100), tenant text);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_alter ON users TO zdplan_app, zdplan_owner USING (tenant IN ('a', 'b'));
CREATE POLICY p_kind ON users AS RESTRICTIVE FOR ALL TO postgres USING (id = (current_user)::integer);
CREATE POLICY p_command ON users FOR DELETE USING (name IS NOT NULL);
CREATE POLICY p_check ON users FOR UPDATE USING (true);
COMMENT ON POLICY p_kind ON users IS 'kept across the replacement';
COMMENT ON POLICY p_alter ON users IS 'kept by ALTER POLICY';
