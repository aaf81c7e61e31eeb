package live

// pgSecurityQueries read row-level security back: each table's ENABLE and
// FORCE ROW LEVEL SECURITY, then its policies with their comments, in the
// form pg_dump writes them. They run after the tables (and the functions a
// policy may call) exist.
var pgSecurityQueries = []string{
	`SELECT CASE WHEN c.relrowsecurity THEN 'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' ENABLE ROW LEVEL SECURITY;' ELSE '' END,
	  CASE WHEN c.relforcerowsecurity THEN 'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' FORCE ROW LEVEL SECURITY;' ELSE '' END
	FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'p') AND (c.relrowsecurity OR c.relforcerowsecurity)
	  AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
	ORDER BY n.nspname, c.relname`,
	`SELECT 'CREATE POLICY ' || quote_ident(pol.polname) || ' ON ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) ||
	  ' AS ' || CASE WHEN pol.polpermissive THEN 'PERMISSIVE' ELSE 'RESTRICTIVE' END ||
	  ' FOR ' || CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END ||
	  ' TO ' || (SELECT string_agg(CASE WHEN ro = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END, ', ' ORDER BY r.rolname NULLS FIRST)
	             FROM unnest(pol.polroles) ro LEFT JOIN pg_roles r ON r.oid = ro) ||
	  coalesce(' USING (' || pg_get_expr(pol.polqual, pol.polrelid) || ')', '') ||
	  coalesce(' WITH CHECK (' || pg_get_expr(pol.polwithcheck, pol.polrelid) || ')', '') || ';',
	  ` + pgComment("POLICY", "quote_ident(pol.polname) || ' ON ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)", "obj_description(pol.oid, 'pg_policy')") + `
	FROM pg_policy pol JOIN pg_class c ON c.oid = pol.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'p') AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
	ORDER BY n.nspname, c.relname, pol.polname`,
}
