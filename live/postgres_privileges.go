package live

// Privileges are read back from the catalogs' ACL columns (relacl,
// attacl, proacl, typacl, nspacl, defaclacl) with aclexplode, as the
// GRANT and REVOKE statements that give an object created by its owner
// the same ACL: a REVOKE for each built-in PUBLIC privilege it lacks
// (EXECUTE on functions, USAGE on types and on the public schema), then a
// GRANT for each other entry. The owner's own entries are left out, like
// the owner: it is whoever runs the plan. An ACL that is NULL is the
// built-in one and says nothing.

// pgObjectACLs renders the privileges of relations, functions, types and
// schemas.
var pgObjectACLs = `
WITH obj(sort, target, owner, acl, builtin) AS (
  SELECT format('%I.%I', n.nspname, c.relname), CASE c.relkind WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || format('%I.%I', n.nspname, c.relname),
    c.relowner, c.relacl, NULL::text
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
    AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'i')
  UNION ALL
  SELECT format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)), 'ROUTINE ' || p.oid::regprocedure::text,
    p.proowner, p.proacl, 'EXECUTE'
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE p.prokind IN ('f', 'p', 'a') AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_proc", "p.oid") + `
  UNION ALL
  SELECT format('%I.%I', n.nspname, t.typname), 'TYPE ' || format('%I.%I', n.nspname, t.typname), t.typowner, t.typacl, 'USAGE'
  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
  WHERE t.typtype IN ('e', 'd', 'c', 'r') AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_type", "t.oid") + `
    AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
  UNION ALL
  SELECT quote_ident(n.nspname), 'SCHEMA ' || quote_ident(n.nspname), n.nspowner, n.nspacl, CASE WHEN n.nspname = 'public' THEN 'USAGE' END
  FROM pg_namespace n WHERE ` + pgUserSchema + `
),
ent AS (
  SELECT o.sort, o.target, o.builtin, a.grantee, a.privilege_type, a.is_grantable
  FROM obj o CROSS JOIN LATERAL aclexplode(o.acl) a
  WHERE o.acl IS NOT NULL AND a.grantee <> o.owner
)
SELECT stmt FROM (
  SELECT o.sort, 0 AS step, '' AS grantee, '' AS priv, 'REVOKE ' || o.builtin || ' ON ' || o.target || ' FROM PUBLIC;' AS stmt
  FROM obj o
  WHERE o.acl IS NOT NULL AND o.builtin IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM ent e WHERE e.target = o.target AND e.grantee = 0 AND e.privilege_type = o.builtin)
  UNION ALL
  SELECT e.sort, 1, CASE WHEN e.grantee = 0 THEN '' ELSE r.rolname END, e.privilege_type,
    'GRANT ' || e.privilege_type || ' ON ' || e.target || ' TO ' || CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END ||
    CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END || ';'
  FROM ent e LEFT JOIN pg_roles r ON r.oid = e.grantee
  WHERE NOT (e.grantee = 0 AND e.privilege_type IS NOT DISTINCT FROM e.builtin AND NOT e.is_grantable)
) x
ORDER BY sort, step, grantee, priv`

// pgColumnACLs renders column privileges.
var pgColumnACLs = `
SELECT 'GRANT ' || a.privilege_type || ' (' || quote_ident(att.attname) || ') ON TABLE ' || format('%I.%I', n.nspname, c.relname) ||
  ' TO ' || CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END ||
  CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END || ';'
FROM pg_attribute att JOIN pg_class c ON c.oid = att.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
CROSS JOIN LATERAL aclexplode(att.attacl) a LEFT JOIN pg_roles r ON r.oid = a.grantee
WHERE att.attacl IS NOT NULL AND att.attnum > 0 AND NOT att.attisdropped AND a.grantee <> c.relowner
  AND c.relkind IN ('r', 'p', 'v', 'm') AND ` + pgUserSchema + ` AND ` + pgNotExtension("pg_class", "c.oid") + `
ORDER BY n.nspname, c.relname, att.attname, coalesce(r.rolname, ''), a.privilege_type`

// pgDefaultACLs renders ALTER DEFAULT PRIVILEGES. Those of the role that
// reads the schema say no FOR ROLE, as a schema file says them.
const pgDefaultACLs = `
WITH def AS (
  SELECT d.oid, d.defaclrole, d.defaclacl,
    'ALTER DEFAULT PRIVILEGES' || CASE WHEN ro.rolname = current_user THEN '' ELSE ' FOR ROLE ' || quote_ident(ro.rolname) END ||
      CASE WHEN d.defaclnamespace = 0 THEN '' ELSE ' IN SCHEMA ' || quote_ident(n.nspname) END AS head,
    CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' END AS kind,
    CASE WHEN d.defaclnamespace = 0 THEN CASE d.defaclobjtype WHEN 'f' THEN 'EXECUTE' WHEN 'T' THEN 'USAGE' END END AS builtin,
    ro.rolname AS role, coalesce(n.nspname, '') AS nsp
  FROM pg_default_acl d JOIN pg_roles ro ON ro.oid = d.defaclrole LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
),
ent AS (
  SELECT d.*, a.grantee, a.privilege_type, a.is_grantable
  FROM def d CROSS JOIN LATERAL aclexplode(d.defaclacl) a
  WHERE a.grantee <> d.defaclrole
)
SELECT stmt FROM (
  SELECT d.role, d.nsp, d.kind, 0 AS step, '' AS grantee, '' AS priv, d.head || ' REVOKE ' || d.builtin || ' ON ' || d.kind || ' FROM PUBLIC;' AS stmt
  FROM def d
  WHERE d.builtin IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ent e WHERE e.oid = d.oid AND e.grantee = 0 AND e.privilege_type = d.builtin)
  UNION ALL
  SELECT e.role, e.nsp, e.kind, 1, coalesce(r.rolname, ''), e.privilege_type,
    e.head || ' GRANT ' || e.privilege_type || ' ON ' || e.kind || ' TO ' || CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END ||
    CASE WHEN e.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END || ';'
  FROM ent e LEFT JOIN pg_roles r ON r.oid = e.grantee
  WHERE NOT (e.grantee = 0 AND e.privilege_type IS NOT DISTINCT FROM e.builtin AND NOT e.is_grantable)
) x
ORDER BY role, nsp, kind, step, grantee, priv`

// pgPrivilegeQueries are run last, when every object they name exists.
var pgPrivilegeQueries = []string{pgObjectACLs, pgColumnACLs, pgDefaultACLs}
