package live

// pgTypeQueries render the user-defined types other than enums, with
// their comments: domains (with their validated checks inline and the
// NOT VALID ones added after, as pg_dump writes them), then composite
// types (the stand-alone ones: a table's row type is its table's).
func pgTypeQueries() []string {
	const domain = `quote_ident(n.nspname) || '.' || quote_ident(t.typname)`
	domains := `FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
		WHERE t.typtype = 'd' AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_type", "t.oid")
	return []string{
		`SELECT 'CREATE DOMAIN ' || ` + domain + ` || ' AS ' || format_type(t.typbasetype, t.typtypmod) ||
		  coalesce((SELECT ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
		    FROM pg_type bt, pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
		    WHERE bt.oid = t.typbasetype AND co.oid = t.typcollation AND t.typcollation <> bt.typcollation), '') ||
		  coalesce(' DEFAULT ' || pg_get_expr(t.typdefaultbin, 0), '') ||
		  CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END ||
		  coalesce((SELECT string_agg(' CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), '' ORDER BY c.conname)
		    FROM pg_constraint c WHERE c.contypid = t.oid AND c.convalidated), '') || ';',
		  coalesce((SELECT string_agg('ALTER DOMAIN ' || ` + domain + ` || ' ADD CONSTRAINT ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) || ';', E'\n' ORDER BY c.conname)
		    FROM pg_constraint c WHERE c.contypid = t.oid AND NOT c.convalidated), ''),
		  ` + pgComment("DOMAIN", domain, "obj_description(t.oid, 'pg_type')") + `,
		  coalesce((SELECT string_agg(` + pgComment("CONSTRAINT", "quote_ident(c.conname) || ' ON DOMAIN ' || "+domain, "obj_description(c.oid, 'pg_constraint')") + `, '' ORDER BY c.conname)
		    FROM pg_constraint c WHERE c.contypid = t.oid), '')
		` + domains + `
		ORDER BY t.oid`,
		`SELECT 'CREATE TYPE ' || ` + domain + ` || ' AS (' ||
		  coalesce((SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) ||
		      coalesce((SELECT ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
		        FROM pg_type at, pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
		        WHERE at.oid = a.atttypid AND co.oid = a.attcollation AND a.attcollation <> at.typcollation), ''),
		    ', ' ORDER BY a.attnum)
		    FROM pg_attribute a WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') || ');',
		  ` + pgComment("TYPE", domain, "obj_description(t.oid, 'pg_type')") + `
		FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_class c ON c.oid = t.typrelid
		WHERE t.typtype = 'c' AND c.relkind = 'c' AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_type", "t.oid") + `
		ORDER BY t.oid`,
	}
}
