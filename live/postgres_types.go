package live

// pgTypeQueries render the user-defined types other than enums, with
// their comments: collations first (domains, attributes and range types
// use them), domains (with their validated checks inline and the NOT
// VALID ones added after, as pg_dump writes them), composite types (the
// stand-alone ones: a table's row type is its table's), then range types.
func pgTypeQueries() []string {
	const domain = `quote_ident(n.nspname) || '.' || quote_ident(t.typname)`
	domains := `FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
		WHERE t.typtype = 'd' AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_type", "t.oid")
	return []string{
		pgCollations,
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
		pgRanges,
	}
}

// pgCollations renders collations as pg_dump does: the provider, then
// deterministic = false when so, then the ICU locale, or the libc locale
// when LC_COLLATE and LC_CTYPE agree and both otherwise, then ICU rules.
// The ICU locale column is colliculocale up to PostgreSQL 16 and
// colllocale since 17, and rules exist since 16: to_jsonb reads whatever
// the server has.
var pgCollations = `SELECT 'CREATE COLLATION ' || quote_ident(n.nspname) || '.' || quote_ident(c.collname) || ' (provider = ' ||
	  CASE c.collprovider WHEN 'i' THEN 'icu' WHEN 'c' THEN 'libc' WHEN 'b' THEN 'builtin' ELSE 'default' END ||
	  CASE WHEN NOT c.collisdeterministic THEN ', deterministic = false' ELSE '' END ||
	  CASE WHEN c.collprovider <> 'c' THEN ', locale = ' || quote_literal(coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale'))
	    WHEN c.collcollate = c.collctype THEN ', locale = ' || quote_literal(c.collcollate)
	    ELSE ', lc_collate = ' || quote_literal(c.collcollate) || ', lc_ctype = ' || quote_literal(c.collctype) END ||
	  coalesce(', rules = ' || quote_literal(to_jsonb(c) ->> 'collicurules'), '') || ');',
	  ` + pgComment("COLLATION", "quote_ident(n.nspname) || '.' || quote_ident(c.collname)", "obj_description(c.oid, 'pg_collation')") + `
	FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace
	WHERE ` + pgUserSchema + ` AND ` + pgNotExtension("pg_collation", "c.oid") + `
	ORDER BY c.oid`

// pgRanges renders range types as pg_dump does: the operator class only
// when it is not the subtype's default, the collation only when it is not
// the subtype's, functions qualified unless built in (the session's
// search_path is empty).
var pgRanges = `SELECT 'CREATE TYPE ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' AS RANGE (subtype = ' ||
	  format_type(r.rngsubtype, NULL) || ', multirange_type_name = ' || format_type(r.rngmultitypid, NULL) ||
	  coalesce((SELECT ', subtype_opclass = ' || quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname)
	    FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace WHERE oc.oid = r.rngsubopc AND NOT oc.opcdefault), '') ||
	  coalesce((SELECT ', collation = ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
	    FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = r.rngcollation AND r.rngcollation <> st.typcollation), '') ||
	  CASE WHEN r.rngcanonical <> 0 THEN ', canonical = ' || r.rngcanonical::regproc::text ELSE '' END ||
	  CASE WHEN r.rngsubdiff <> 0 THEN ', subtype_diff = ' || r.rngsubdiff::regproc::text ELSE '' END || ');',
	  ` + pgComment("TYPE", "quote_ident(n.nspname) || '.' || quote_ident(t.typname)", "obj_description(t.oid, 'pg_type')") + `
	FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN pg_namespace n ON n.oid = t.typnamespace JOIN pg_type st ON st.oid = r.rngsubtype
	WHERE ` + pgUserSchema + ` AND ` + pgNotExtension("pg_type", "t.oid") + `
	ORDER BY t.oid`
