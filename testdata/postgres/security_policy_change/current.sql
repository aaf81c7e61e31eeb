CREATE TABLE users (id bigint PRIMARY KEY, name character varying(100), tenant text);
ALTER TABLE users ENABLE ROW LEVEL SECURITY;
CREATE POLICY p_alter ON users TO zdplan_app USING (tenant = 'a');
CREATE POLICY p_kind ON users AS PERMISSIVE FOR ALL TO PUBLIC USING (id = (current_user)::integer) WITH CHECK ((current_user)::integer = 1);
CREATE POLICY p_command ON users FOR SELECT USING (name IS NOT NULL);
CREATE POLICY p_check ON users FOR UPDATE USING (true) WITH CHECK (tenant IS NOT NULL);
CREATE POLICY p_drop ON users AS RESTRICTIVE FOR ALL TO postgres USING (true);
COMMENT ON POLICY p_kind ON users IS 'kept across the replacement';
COMMENT ON POLICY p_alter ON users IS 'kept by ALTER POLICY';
