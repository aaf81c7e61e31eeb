package live

// The catalog queries for extensions, functions, procedures and triggers.
// zdplan's own sync objects (named zdplan_...) are left out: they belong
// to a rollout in progress, not to the schema. So are objects an extension
// made, which CREATE EXTENSION brings back.

// pgExtensions renders CREATE EXTENSION with the installed version, and
// its comment. plpgsql is always there.
const pgExtensions = `SELECT 'CREATE EXTENSION IF NOT EXISTS ' || quote_ident(e.extname) || ' WITH SCHEMA ' || quote_ident(n.nspname) ||
		  ' VERSION ' || quote_literal(e.extversion) || ';',
		  ` + pgExtensionComment + `
		FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql' ORDER BY e.extname`

// An extension's own comment (set by its script) is not the user's
// choice; only one that differs from the control file's is kept.
const pgExtensionComment = `CASE WHEN obj_description(e.oid, 'pg_extension') IS DISTINCT FROM
		    (SELECT a.comment FROM pg_available_extensions a WHERE a.name = e.extname)
		  THEN ` + `coalesce('COMMENT ON EXTENSION ' || quote_ident(e.extname) || ' IS ' || quote_literal(obj_description(e.oid, 'pg_extension')) || ';', '') ELSE '' END`

// pgFunctions renders functions and procedures as pg_get_functiondef
// prints them, with their comments; not the constructors a range type
// makes (an internal dependency on it), which come with the type.
var pgFunctions = `SELECT pg_get_functiondef(p.oid) || ';',
		  CASE WHEN obj_description(p.oid, 'pg_proc') IS NOT NULL THEN
		    'COMMENT ON ' || CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' ELSE 'FUNCTION ' END || p.oid::regprocedure::text ||
		    ' IS ' || quote_literal(obj_description(p.oid, 'pg_proc')) || ';' ELSE '' END
		FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE p.prokind IN ('f', 'p') AND p.proname NOT LIKE 'zdplan\_%' AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_proc", "p.oid") + `
		  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')
		ORDER BY n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)`

// pgAggregates composes CREATE AGGREGATE from pg_aggregate, as pg_dump
// does (pg_get_functiondef refuses aggregates), with the options zdplan's
// canonical form leaves out when they hold their defaults left out here
// too. Support functions are regproc's names under the empty search_path:
// qualified unless built in. An ordered-set aggregate comes out with its
// ORDER BY arguments and SORTOP as an operator, which the parser reports
// as unsupported.
var pgAggregates = `SELECT 'CREATE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) ||
		  '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_arguments(p.oid) END || ') (' ||
		  'SFUNC = ' || a.aggtransfn::text || ', STYPE = ' || format_type(a.aggtranstype, NULL) ||
		  CASE WHEN a.aggtransspace <> 0 THEN ', SSPACE = ' || a.aggtransspace ELSE '' END ||
		  CASE WHEN a.aggfinalfn <> 0 THEN ', FINALFUNC = ' || a.aggfinalfn::text ELSE '' END ||
		  CASE WHEN a.aggfinalextra THEN ', FINALFUNC_EXTRA' ELSE '' END ||
		  CASE a.aggfinalmodify WHEN 's' THEN ', FINALFUNC_MODIFY = SHAREABLE' WHEN 'w' THEN ', FINALFUNC_MODIFY = READ_WRITE' ELSE '' END ||
		  CASE WHEN a.aggcombinefn <> 0 THEN ', COMBINEFUNC = ' || a.aggcombinefn::text ELSE '' END ||
		  CASE WHEN a.aggserialfn <> 0 THEN ', SERIALFUNC = ' || a.aggserialfn::text ELSE '' END ||
		  CASE WHEN a.aggdeserialfn <> 0 THEN ', DESERIALFUNC = ' || a.aggdeserialfn::text ELSE '' END ||
		  coalesce(', INITCOND = ' || quote_literal(a.agginitval), '') ||
		  CASE WHEN a.aggmtransfn <> 0 THEN ', MSFUNC = ' || a.aggmtransfn::text ELSE '' END ||
		  CASE WHEN a.aggminvtransfn <> 0 THEN ', MINVFUNC = ' || a.aggminvtransfn::text ELSE '' END ||
		  CASE WHEN a.aggmtranstype <> 0 THEN ', MSTYPE = ' || format_type(a.aggmtranstype, NULL) ELSE '' END ||
		  CASE WHEN a.aggmtransspace <> 0 THEN ', MSSPACE = ' || a.aggmtransspace ELSE '' END ||
		  CASE WHEN a.aggmfinalfn <> 0 THEN ', MFINALFUNC = ' || a.aggmfinalfn::text ELSE '' END ||
		  CASE WHEN a.aggmfinalextra THEN ', MFINALFUNC_EXTRA' ELSE '' END ||
		  CASE a.aggmfinalmodify WHEN 's' THEN ', MFINALFUNC_MODIFY = SHAREABLE' WHEN 'w' THEN ', MFINALFUNC_MODIFY = READ_WRITE' ELSE '' END ||
		  coalesce(', MINITCOND = ' || quote_literal(a.aggminitval), '') ||
		  CASE WHEN a.aggsortop <> 0 THEN ', SORTOP = OPERATOR(' || a.aggsortop::regoper::text || ')' ELSE '' END ||
		  CASE p.proparallel WHEN 's' THEN ', PARALLEL = SAFE' WHEN 'r' THEN ', PARALLEL = RESTRICTED' ELSE '' END || ');',
		  ` + pgComment("AGGREGATE", "quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '(' || CASE WHEN p.pronargs = 0 THEN '*' ELSE pg_get_function_identity_arguments(p.oid) END || ')'",
	"obj_description(p.oid, 'pg_proc')") + `
		FROM pg_proc p JOIN pg_aggregate a ON a.aggfnoid = p.oid JOIN pg_namespace n ON n.oid = p.pronamespace
		WHERE p.proname NOT LIKE 'zdplan\_%' AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_proc", "p.oid") + `
		ORDER BY n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)`

// pgTriggers renders the user's triggers (not those behind foreign keys,
// nor zdplan's sync triggers), with the ALTER TABLE that pg_dump writes
// for one that does not fire as created, and their comments. A
// partition's share of its parent's trigger (tgparentid) comes with the
// parent's; like pg_dump, only its ALTER TABLE is written, when it fires
// otherwise than the parent's.
var pgTriggers = `SELECT CASE WHEN t.tgparentid = 0 THEN pg_get_triggerdef(t.oid) || ';' ELSE '' END,
		  CASE WHEN t.tgparentid = 0 OR t.tgenabled <> (SELECT pt.tgenabled FROM pg_trigger pt WHERE pt.oid = t.tgparentid) THEN
		    coalesce('ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname) || ' ' ||
		      CASE t.tgenabled WHEN 'D' THEN 'DISABLE' WHEN 'R' THEN 'ENABLE REPLICA' WHEN 'A' THEN 'ENABLE ALWAYS'
		        WHEN 'O' THEN CASE WHEN t.tgparentid <> 0 THEN 'ENABLE' END END ||
		      ' TRIGGER ' || quote_ident(t.tgname) || ';', '') ELSE '' END,
		  CASE WHEN t.tgparentid = 0 THEN ` + pgComment("TRIGGER", "quote_ident(t.tgname) || ' ON ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)", "obj_description(t.oid, 'pg_trigger')") + ` ELSE '' END
		FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE NOT t.tgisinternal AND t.tgname NOT LIKE 'zdplan\_%' AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
		ORDER BY t.tgparentid <> 0, n.nspname, c.relname, t.tgname`
