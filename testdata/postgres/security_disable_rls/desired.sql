CREATE TABLE users (id bigint PRIMARY KEY, name character varying(100));
ALTER TABLE users DISABLE ROW LEVEL SECURITY;
