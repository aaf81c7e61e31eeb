package live

import (
	"context"
	"database/sql"
	"slices"
	"strings"
)

// pgUserSchema is the condition, over a pg_namespace n, for a schema that
// belongs to the user rather than to the system or an extension.
const pgUserSchema = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_namespace'::regclass AND d.objid = n.oid AND d.deptype = 'e')`

// pgNotExtension is the condition that object o of catalog cat is not
// part of an extension (whose objects CREATE EXTENSION makes).
func pgNotExtension(cat, o string) string {
	return `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '` + cat + `'::regclass AND d.objid = ` + o + ` AND d.deptype = 'e')`
}

// pgComment renders COMMENT ON target IS the description, or ” when
// there is none; target is a SQL expression of the quoted object name.
func pgComment(kind, target, descr string) string {
	return `CASE WHEN ` + descr + ` IS NOT NULL THEN 'COMMENT ON ` + kind + ` ' || ` + target + ` || ' IS ' || quote_literal(` + descr + `) || ';' ELSE '' END`
}

// pgSeqOptions renders a sequence's options from pg_sequence s, in the
// form CREATE SEQUENCE and an identity column's (...) both take.
const pgSeqOptions = `'START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement ||
  ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache ||
  CASE WHEN s.seqcycle THEN ' CYCLE' ELSE '' END`

// postgresSchema rebuilds the schema from the catalogs, statement by
// statement in the form pg_dump writes, with every name qualified (the
// session's search_path is emptied, as pg_dump does, so that pg_get_expr
// and friends qualify too).
func postgresSchema(ctx context.Context, conn *sql.Conn) ([]byte, error) {
	if _, err := conn.ExecContext(ctx, "SELECT pg_catalog.set_config('search_path', '', false)"); err != nil {
		return nil, err
	}
	var b strings.Builder
	emit := func(q string) error {
		rows, err := queryStrings(ctx, conn, q)
		if err != nil {
			return err
		}
		for _, r := range rows {
			for _, s := range r {
				if s != "" {
					b.WriteString(s)
					b.WriteString("\n")
				}
			}
		}
		return nil
	}
	tables, err := pgTables(ctx, conn)
	if err != nil {
		return nil, err
	}
	for _, q := range slices.Concat([]string{
		// Schemas; public exists already, and its stock comment is not a
		// choice of the user's (pg_dump leaves it out too).
		`SELECT CASE WHEN n.nspname <> 'public' THEN 'CREATE SCHEMA ' || quote_ident(n.nspname) || ';' ELSE '' END,
		  CASE WHEN n.nspname = 'public' AND obj_description(n.oid, 'pg_namespace') = 'standard public schema' THEN ''
		  ELSE ` + pgComment("SCHEMA", "quote_ident(n.nspname)", "obj_description(n.oid, 'pg_namespace')") + ` END
		FROM pg_namespace n WHERE ` + pgUserSchema + ` ORDER BY n.nspname`,
		pgExtensions,
		`SELECT 'CREATE TYPE ' || quote_ident(n.nspname) || '.' || quote_ident(t.typname) || ' AS ENUM (' ||
		  coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') || ');',
		  ` + pgComment("TYPE", "quote_ident(n.nspname) || '.' || quote_ident(t.typname)", "obj_description(t.oid, 'pg_type')") + `
		FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
		WHERE t.typtype = 'e' AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_type", "t.oid") + `
		ORDER BY n.nspname, t.typname`,
	}, pgTypeQueries(), []string{
		// Sequences, except those of identity columns (the column says them).
		`SELECT 'CREATE SEQUENCE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' AS ' || format_type(s.seqtypid, NULL) || ' ' || ` + pgSeqOptions + ` || ';'
		FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
		ORDER BY n.nspname, c.relname`,
		pgFunctions,
		pgAggregates,
	}) {
		if err := emit(q); err != nil {
			return nil, err
		}
	}
	for _, t := range tables {
		b.WriteString(t)
	}
	for _, q := range append([]string{
		// Views in creation order, so that a view comes after those it reads.
		`SELECT 'CREATE ' || CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END || 'VIEW ' ||
		  quote_ident(n.nspname) || '.' || quote_ident(c.relname) ||
		  coalesce(' WITH (' || (SELECT string_agg(o, ', ') FROM unnest(c.reloptions) o WHERE o NOT LIKE 'check\_option=%') || ')', '') ||
		  E' AS\n' || rtrim(pg_get_viewdef(c.oid), ';') ||
		  coalesce((SELECT ' WITH ' || upper(substr(o, 14)) || ' CHECK OPTION' FROM unnest(c.reloptions) o WHERE o LIKE 'check\_option=%'), '') || ';'
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('v', 'm') AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		ORDER BY c.oid`,
		`SELECT 'ALTER SEQUENCE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' OWNED BY ' ||
		  quote_ident(tn.nspname) || '.' || quote_ident(tc.relname) || '.' || quote_ident(a.attname) || ';'
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.deptype = 'a'
		JOIN pg_class tc ON tc.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = tc.relnamespace
		JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
		WHERE c.relkind = 'S' AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		ORDER BY n.nspname, c.relname`,
		// Constraints as pg_dump orders them: primary keys, unique and
		// exclusion constraints by name; foreign keys (after the indexes)
		// by name. CHECKs are part of CREATE TABLE.
		pgConstraints("con.contype IN ('p', 'u', 'x') OR (con.contype = 'c' AND NOT con.convalidated)"),
		// Indexes, except those a constraint made.
		`SELECT pg_get_indexdef(i.indexrelid) || ';',
		  ` + pgComment("INDEX", "quote_ident(n.nspname) || '.' || quote_ident(ic.relname)", "obj_description(ic.oid, 'pg_class')") + `
		FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p', 'm') AND NOT ic.relispartition AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		  AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.conrelid = i.indrelid AND con.contype IN ('p', 'u', 'x'))
		ORDER BY n.nspname, ic.relname`,
		pgConstraints("con.contype = 'f'"),
		pgReplicaIdentity,
		pgTriggers,
		`SELECT ` + pgComment("' || CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'SEQUENCE' END || '",
			"quote_ident(n.nspname) || '.' || quote_ident(c.relname)", "obj_description(c.oid, 'pg_class')") + `
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		ORDER BY n.nspname, c.relname`,
		`SELECT ` + pgComment("CONSTRAINT", "quote_ident(con.conname) || ' ON ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)", "obj_description(con.oid, 'pg_constraint')") + `
		FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE con.conislocal AND con.conparentid = 0 AND c.relkind IN ('r', 'p') AND ` + pgUserSchema + `
		ORDER BY n.nspname, c.relname, con.conname`,
		`SELECT ` + pgComment("COLUMN", "quote_ident(n.nspname) || '.' || quote_ident(c.relname) || '.' || quote_ident(a.attname)", "col_description(c.oid, a.attnum)") + `
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid
		WHERE c.relkind IN ('r', 'p', 'v', 'm') AND NOT c.relispartition AND a.attislocal AND a.attnum > 0 AND NOT a.attisdropped
		  AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		ORDER BY n.nspname, c.relname, a.attnum`,
	}, pgSecurityQueries...) {
		if err := emit(q); err != nil {
			return nil, err
		}
	}
	for _, q := range pgPrivilegeQueries {
		if err := emit(q); err != nil {
			return nil, err
		}
	}
	return []byte(b.String()), nil
}

// pgTables renders CREATE TABLE for every ordinary and partitioned table,
// with its columns, and the ATTACH PARTITION of each partition, in the
// form pg_dump writes them: a partition with all its columns, attached
// once every table exists; an inheritance child with only the columns it
// declares itself, after its parents. Constraints follow separately, as
// in pg_dump.
func pgTables(ctx context.Context, conn *sql.Conn) ([]string, error) {
	rows, err := queryStrings(ctx, conn, `
		SELECT c.oid::text, quote_ident(n.nspname) || '.' || quote_ident(c.relname),
		  CASE c.relpersistence WHEN 'u' THEN 'UNLOGGED ' ELSE '' END,
		  CASE WHEN NOT c.relispartition THEN coalesce((SELECT E'\nINHERITS (' || string_agg(quote_ident(pn.nspname) || '.' || quote_ident(pc.relname), ', ' ORDER BY i.inhseqno) || ')'
		    FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid), '') ELSE '' END ||
		  CASE WHEN c.relkind = 'p' THEN E'\nPARTITION BY ' || pg_get_partkeydef(c.oid) ELSE '' END ||
		  coalesce(' WITH (' || array_to_string(c.reloptions || (SELECT array_agg('toast.' || o) FROM pg_class tc, unnest(tc.reloptions) o WHERE tc.oid = c.reltoastrelid), ', ') || ')', ''),
		  CASE WHEN c.relispartition THEN (SELECT 'ALTER TABLE ONLY ' || quote_ident(pn.nspname) || '.' || quote_ident(pc.relname) ||
		    ' ATTACH PARTITION ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' ' || pg_get_expr(c.relpartbound, c.oid) || E';\n'
		    FROM pg_inherits i JOIN pg_class pc ON pc.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = pc.relnamespace WHERE i.inhrelid = c.oid) ELSE '' END,
		  (WITH RECURSIVE up(oid, depth) AS (SELECT c.oid, 0 UNION ALL SELECT i.inhparent, up.depth + 1 FROM up JOIN pg_inherits i ON i.inhrelid = up.oid WHERE up.depth < 100)
		   SELECT max(depth) FROM up)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p') AND `+pgUserSchema+` AND `+pgNotExtension("pg_class", "c.oid")+`
		ORDER BY 6, n.nspname, c.relname`)
	if err != nil {
		return nil, err
	}
	cols, err := queryStrings(ctx, conn, `
		SELECT a.attrelid::text, '    ' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) ||
		  CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0
		    THEN ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname) ELSE '' END ||
		  CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED'
		    WHEN ad.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid) ELSE '' END ||
		  CASE WHEN a.attidentity IN ('a', 'd') THEN
		    ' GENERATED ' || CASE a.attidentity WHEN 'a' THEN 'ALWAYS' ELSE 'BY DEFAULT' END || ' AS IDENTITY (' ||
		    coalesce((SELECT 'SEQUENCE NAME ' || quote_ident(sn.nspname) || '.' || quote_ident(sc.relname) || ' ' || `+pgSeqOptions+`
		      FROM pg_depend d JOIN pg_class sc ON sc.oid = d.objid JOIN pg_namespace sn ON sn.oid = sc.relnamespace
		      JOIN pg_sequence s ON s.seqrelid = sc.oid
		      WHERE d.classid = 'pg_class'::regclass AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i'), '') || ')'
		    ELSE '' END ||
		  CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
		FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid JOIN pg_class c ON c.oid = a.attrelid
		JOIN pg_namespace n ON n.oid = c.relnamespace
		LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
		LEFT JOIN pg_collation co ON co.oid = a.attcollation LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
		WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND (a.attislocal OR c.relispartition) AND `+pgUserSchema+`
		ORDER BY a.attrelid, a.attnum`)
	if err != nil {
		return nil, err
	}
	checks, err := queryStrings(ctx, conn, `
		SELECT con.conrelid::text, '    CONSTRAINT ' || quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid)
		FROM pg_constraint con
		WHERE con.contype = 'c' AND con.convalidated AND con.conislocal
		ORDER BY con.conrelid, con.conname`)
	if err != nil {
		return nil, err
	}
	byTable := map[string][]string{}
	for _, c := range append(cols, checks...) {
		byTable[c[0]] = append(byTable[c[0]], c[1])
	}
	var out, attach []string
	for _, r := range rows {
		if len(byTable[r[0]]) == 0 {
			// A table without columns still needs its parentheses.
			byTable[r[0]] = []string{""}
		}
		out = append(out, "CREATE "+r[2]+"TABLE "+r[1]+" (\n"+strings.Join(byTable[r[0]], ",\n")+"\n)"+r[3]+";\n")
		attach = append(attach, r[4])
	}
	return append(out, attach...), nil
}

// pgReplicaIdentity renders the REPLICA IDENTITY of tables that have
// another than DEFAULT, as pg_dump does, after their indexes and keys.
var pgReplicaIdentity = `SELECT 'ALTER TABLE ONLY ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' REPLICA IDENTITY ' ||
		  CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING'
		    ELSE 'USING INDEX ' || (SELECT quote_ident(ic.relname) FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
		      WHERE i.indrelid = c.oid AND i.indisreplident) END || ';'
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE c.relkind IN ('r', 'p') AND c.relreplident <> 'd'
		  AND (c.relreplident <> 'i' OR EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisreplident))
		  AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		ORDER BY n.nspname, c.relname`

// pgConstraints renders ALTER TABLE ADD CONSTRAINT for the constraints of
// ordinary tables that match cond.
func pgConstraints(cond string) string {
	return `SELECT 'ALTER TABLE ONLY ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' ADD CONSTRAINT ' ||
		  quote_ident(con.conname) || ' ' || pg_get_constraintdef(con.oid) || ';'
		FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE (` + cond + `) AND con.conislocal AND con.conparentid = 0 AND c.relkind IN ('r', 'p')
		  AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		ORDER BY n.nspname, con.conname, c.relname`
}
