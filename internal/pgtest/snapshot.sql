-- Catalog description used by Snapshot. Every row is (key, value); rows whose
-- value is NULL are dropped. Each object may carry a comment, which becomes a
-- separate row keyed "comment <object key>" so that comment drift shows up as
-- its own diff line.
--
-- The session runs with search_path = '' so that every deparsed expression
-- (defaults, view and index definitions, format_type of user types) is
-- schema-qualified and therefore independent of the caller's search_path.
WITH
ext AS (
    -- Objects created by an extension are the extension's business, not the
    -- migration's; they are represented by the single "extension" row.
    SELECT classid, objid FROM pg_depend WHERE deptype = 'e'
),
nsp AS (
    SELECT n.oid, n.nspname
    FROM pg_namespace n
    WHERE n.nspname <> 'information_schema'
      AND n.nspname !~ '^pg_'
      AND NOT EXISTS (SELECT FROM ext WHERE ext.classid = 'pg_namespace'::regclass AND ext.objid = n.oid)
),
rel AS (
    SELECT c.oid, c.relname, c.relkind, c.relpersistence, c.reloptions,
           c.relrowsecurity, c.relforcerowsecurity, c.relreplident,
           c.relispartition, c.relpartbound, n.nspname,
           format('%I.%I', n.nspname, c.relname) AS qname,
           CASE c.relkind
               WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'f' THEN 'table'
               WHEN 'v' THEN 'view' WHEN 'm' THEN 'matview'
               WHEN 'S' THEN 'sequence'
               WHEN 'i' THEN 'index' WHEN 'I' THEN 'index'
           END AS kind
    FROM pg_class c
    JOIN nsp n ON n.oid = c.relnamespace
    WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm', 'S', 'i', 'I')
      AND NOT EXISTS (SELECT FROM ext WHERE ext.classid = 'pg_class'::regclass AND ext.objid = c.oid)
),
typ AS (
    SELECT t.oid, t.typname, t.typtype, t.typbasetype, t.typtypmod, t.typnotnull,
           t.typdefaultbin, t.typcollation, t.typrelid, n.nspname,
           format('%I.%I', n.nspname, t.typname) AS qname,
           CASE t.typtype WHEN 'e' THEN 'enum' WHEN 'd' THEN 'domain' ELSE 'type' END AS kind
    FROM pg_type t
    JOIN nsp n ON n.oid = t.typnamespace
    WHERE t.typtype IN ('b', 'c', 'd', 'e', 'r')
      -- Row types of tables/views are described by the relation itself.
      AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
      -- Array types are implicit companions of their element type.
      AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
      AND NOT EXISTS (SELECT FROM ext WHERE ext.classid = 'pg_type'::regclass AND ext.objid = t.oid)
),
acls(key, acl, owner, empty) AS (
    -- Every ACL the snapshot compares, without the owner's own entries: the
    -- owner is whoever ran the SQL. A NULL ACL is the built-in one
    -- (acldefault), so that it compares equal to the same privileges granted
    -- explicitly. empty is the value of an ACL with no entries left.
    SELECT 'acl ' || r.kind || ' ' || r.qname,
           coalesce(c.relacl, acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)),
           c.relowner, NULL::text
    FROM rel r JOIN pg_class c ON c.oid = r.oid
    WHERE r.kind IN ('table', 'view', 'matview', 'sequence')
    UNION ALL
    SELECT format('acl column %s.%I', r.qname, att.attname), att.attacl, c.relowner, NULL
    FROM rel r JOIN pg_class c ON c.oid = r.oid
    JOIN pg_attribute att ON att.attrelid = r.oid AND att.attnum > 0 AND NOT att.attisdropped AND att.attacl IS NOT NULL
    WHERE r.kind IN ('table', 'view', 'matview')
    UNION ALL
    SELECT format('acl %s %I.%I(%s)',
                  CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
                  n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
           coalesce(p.proacl, acldefault('f'::"char", p.proowner)), p.proowner, NULL
    FROM pg_proc p
    JOIN nsp n ON n.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
      AND NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')
    UNION ALL
    SELECT 'acl ' || t.kind || ' ' || t.qname, coalesce(pt.typacl, acldefault('T'::"char", pt.typowner)), pt.typowner, NULL
    FROM typ t JOIN pg_type pt ON pt.oid = t.oid
    UNION ALL
    SELECT format('acl schema %I', n.nspname), coalesce(pn.nspacl, acldefault('n'::"char", pn.nspowner)), pn.nspowner, NULL
    FROM nsp n JOIN pg_namespace pn ON pn.oid = n.oid
    UNION ALL
    -- default privileges (ALTER DEFAULT PRIVILEGES), per role, schema and kind
    SELECT format('default acl %s %s %s', d.defaclrole::regrole::text,
                  coalesce(quote_ident(dn.nspname), '*'),
                  CASE d.defaclobjtype WHEN 'r' THEN 'tables' WHEN 'S' THEN 'sequences' WHEN 'f' THEN 'functions'
                                       WHEN 'T' THEN 'types' WHEN 'n' THEN 'schemas' END),
           d.defaclacl, d.defaclrole, 'none'
    FROM pg_default_acl d LEFT JOIN pg_namespace dn ON dn.oid = d.defaclnamespace
),
objs(key, value, comment) AS (
    -- schemas
    SELECT format('schema %I', n.nspname), 'schema',
           obj_description(n.oid, 'pg_namespace')
    FROM nsp n

    UNION ALL
    -- extensions (members are excluded everywhere else)
    SELECT format('extension %I', e.extname),
           format('version=%s schema=%I', e.extversion, en.nspname),
           obj_description(e.oid, 'pg_extension')
    FROM pg_extension e
    JOIN pg_namespace en ON en.oid = e.extnamespace

    UNION ALL
    -- tables (ordinary, partitioned, foreign)
    SELECT 'table ' || r.qname,
           concat_ws(' ',
               'kind=' || CASE r.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned' ELSE 'foreign' END,
               CASE r.relpersistence WHEN 'u' THEN 'unlogged' WHEN 't' THEN 'temporary' END,
               CASE WHEN r.relrowsecurity THEN 'rls=enabled' END,
               CASE WHEN r.relforcerowsecurity THEN 'rls=forced' END,
               CASE r.relreplident WHEN 'n' THEN 'replica_identity=nothing'
                                   WHEN 'f' THEN 'replica_identity=full'
                                   WHEN 'i' THEN 'replica_identity=index' END,
               'options=' || NULLIF(array_to_string(ARRAY(SELECT o FROM unnest(r.reloptions) o ORDER BY o), ','), ''),
               'inherits=' || NULLIF(array_to_string(ARRAY(
                   SELECT format('%I.%I', pn.nspname, pc.relname)
                   FROM pg_inherits i
                   JOIN pg_class pc ON pc.oid = i.inhparent
                   JOIN pg_namespace pn ON pn.oid = pc.relnamespace
                   WHERE i.inhrelid = r.oid
                   ORDER BY i.inhseqno), ','), ''),
               'partition_key=' || CASE WHEN r.relkind = 'p' THEN pg_get_partkeydef(r.oid) END,
               'partition_bound=' || CASE WHEN r.relispartition THEN pg_get_expr(r.relpartbound, r.oid) END),
           obj_description(r.oid, 'pg_class')
    FROM rel r
    WHERE r.kind = 'table'

    UNION ALL
    -- views and materialized views
    SELECT r.kind || ' ' || r.qname,
           concat_ws(' ',
               'options=' || NULLIF(array_to_string(ARRAY(SELECT o FROM unnest(r.reloptions) o ORDER BY o), ','), ''),
               'def=' || pg_get_viewdef(r.oid, true)),
           obj_description(r.oid, 'pg_class')
    FROM rel r
    WHERE r.kind IN ('view', 'matview')

    UNION ALL
    -- columns of tables and views; attnum is deliberately not part of the value
    SELECT format('column %s.%I', r.qname, a.attname),
           concat_ws(' ',
               format_type(a.atttypid, a.atttypmod),
               CASE WHEN a.attcollation <> t.typcollation THEN
                   (SELECT format('COLLATE %I.%I', cn.nspname, co.collname)
                    FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                    WHERE co.oid = a.attcollation) END,
               CASE WHEN a.attnotnull THEN 'NOT NULL' END,
               CASE WHEN a.attgenerated = '' AND ad.adbin IS NOT NULL
                    THEN 'DEFAULT ' || pg_get_expr(ad.adbin, ad.adrelid) END,
               CASE a.attidentity WHEN 'a' THEN 'GENERATED ALWAYS AS IDENTITY'
                                  WHEN 'd' THEN 'GENERATED BY DEFAULT AS IDENTITY' END,
               CASE WHEN a.attgenerated = 's'
                    THEN 'GENERATED ALWAYS AS (' || pg_get_expr(ad.adbin, ad.adrelid) || ') STORED' END),
           col_description(r.oid, a.attnum)
    FROM rel r
    JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
    WHERE r.kind IN ('table', 'view', 'matview')

    UNION ALL
    -- indexes, including those that back constraints
    SELECT 'index ' || r.qname,
           format('valid=%s primary=%s unique=%s def=%s',
                  i.indisvalid::text, i.indisprimary::text, i.indisunique::text, pg_get_indexdef(i.indexrelid)),
           obj_description(r.oid, 'pg_class')
    FROM rel r
    JOIN pg_index i ON i.indexrelid = r.oid
    JOIN rel t ON t.oid = i.indrelid
    WHERE r.kind = 'index'

    UNION ALL
    -- sequences, including identity sequences
    SELECT 'sequence ' || r.qname,
           concat_ws(' ',
               'type=' || format_type(s.seqtypid, NULL),
               'start=' || s.seqstart,
               'increment=' || s.seqincrement,
               'min=' || s.seqmin,
               'max=' || s.seqmax,
               'cache=' || s.seqcache,
               'cycle=' || s.seqcycle::text,
               CASE r.relpersistence WHEN 'u' THEN 'unlogged' END,
               'owned_by=' || (
                   SELECT string_agg(format('%I.%I.%I', dn.nspname, dc.relname, da.attname), ','
                                     ORDER BY dn.nspname, dc.relname, da.attname)
                   FROM pg_depend d
                   JOIN pg_class dc ON dc.oid = d.refobjid
                   JOIN pg_namespace dn ON dn.oid = dc.relnamespace
                   JOIN pg_attribute da ON da.attrelid = d.refobjid AND da.attnum = d.refobjsubid
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = r.oid
                     AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0
                     AND d.deptype IN ('a', 'i'))),
           obj_description(r.oid, 'pg_class')
    FROM rel r
    JOIN pg_sequence s ON s.seqrelid = r.oid
    WHERE r.kind = 'sequence'

    UNION ALL
    -- table constraints (NOT NULL is not a pg_constraint row in PG15; it is on the column)
    SELECT format('constraint %s.%I', r.qname, c.conname),
           format('type=%s validated=%s def=%s', c.contype, c.convalidated::text, pg_get_constraintdef(c.oid)),
           obj_description(c.oid, 'pg_constraint')
    FROM rel r
    JOIN pg_constraint c ON c.conrelid = r.oid
    WHERE r.kind = 'table'

    UNION ALL
    -- domain constraints
    SELECT format('constraint %s.%I', t.qname, c.conname),
           format('type=%s validated=%s def=%s', c.contype, c.convalidated::text, pg_get_constraintdef(c.oid)),
           obj_description(c.oid, 'pg_constraint')
    FROM typ t
    JOIN pg_constraint c ON c.contypid = t.oid
    WHERE t.kind = 'domain'

    UNION ALL
    -- enums, domains, composite, range and base types
    SELECT t.kind || ' ' || t.qname,
           CASE
               WHEN t.typtype = 'e' THEN
                   (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
                    FROM pg_enum e WHERE e.enumtypid = t.oid)
               WHEN t.typtype = 'd' THEN
                   concat_ws(' ',
                       format_type(t.typbasetype, t.typtypmod),
                       CASE WHEN t.typcollation <> (SELECT bt.typcollation FROM pg_type bt WHERE bt.oid = t.typbasetype) THEN
                           (SELECT format('COLLATE %I.%I', cn.nspname, co.collname)
                            FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                            WHERE co.oid = t.typcollation) END,
                       CASE WHEN t.typnotnull THEN 'NOT NULL' END,
                       'DEFAULT ' || pg_get_expr(t.typdefaultbin, 0))
               WHEN t.typtype = 'c' THEN
                   -- attribute order of a composite type is significant
                   'composite (' || (
                       SELECT string_agg(concat_ws(' ', quote_ident(a.attname), format_type(a.atttypid, a.atttypmod),
                                         CASE WHEN a.attcollation <> at.typcollation THEN
                                             (SELECT format('COLLATE %I.%I', cn.nspname, co.collname)
                                              FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
                                              WHERE co.oid = a.attcollation) END),
                                         ', ' ORDER BY a.attnum)
                       FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid
                       WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) || ')'
               WHEN t.typtype = 'r' THEN
                   (SELECT concat_ws(' ',
                        'range subtype=' || format_type(rg.rngsubtype, NULL),
                        'opclass=' || (SELECT format('%I.%I', ocn.nspname, oc.opcname)
                                       FROM pg_opclass oc JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
                                       WHERE oc.oid = rg.rngsubopc),
                        'collation=' || NULLIF(rg.rngcollation, 0)::regcollation::text,
                        'canonical=' || NULLIF(rg.rngcanonical, 0)::regproc::text,
                        'subdiff=' || NULLIF(rg.rngsubdiff, 0)::regproc::text,
                        'multirange=' || format_type(rg.rngmultitypid, NULL))
                    FROM pg_range rg WHERE rg.rngtypid = t.oid)
               ELSE 'base'
           END,
           obj_description(t.oid, 'pg_type')
    FROM typ t

    UNION ALL
    -- collations; the ICU locale column is colliculocale up to PostgreSQL 16
    -- and colllocale since 17, ICU rules exist since 16: read through to_jsonb
    SELECT format('collation %I.%I', n.nspname, co.collname),
           format('provider=%s deterministic=%s collate=%s ctype=%s locale=%s rules=%s',
                  co.collprovider, co.collisdeterministic::text, co.collcollate, co.collctype,
                  coalesce(to_jsonb(co) ->> 'colllocale', to_jsonb(co) ->> 'colliculocale'),
                  to_jsonb(co) ->> 'collicurules'),
           obj_description(co.oid, 'pg_collation')
    FROM pg_collation co
    JOIN nsp n ON n.oid = co.collnamespace
    WHERE NOT EXISTS (SELECT FROM ext WHERE ext.classid = 'pg_collation'::regclass AND ext.objid = co.oid)

    UNION ALL
    -- functions and procedures
    SELECT format('%s %I.%I(%s)',
                  CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' ELSE 'function' END,
                  n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)),
           -- pg_get_functiondef refuses aggregates: their definition is
           -- pg_aggregate's row, with the support functions by signature.
           CASE WHEN p.prokind = 'a' THEN
               (SELECT concat_ws(' ', 'args=' || pg_get_function_arguments(p.oid),
                                 'result=' || pg_get_function_result(p.oid),
                                 'kind=' || a.aggkind::text, 'direct=' || a.aggnumdirectargs,
                                 'sfunc=' || a.aggtransfn::regprocedure::text,
                                 'stype=' || format_type(a.aggtranstype, NULL),
                                 'sspace=' || a.aggtransspace,
                                 'finalfunc=' || NULLIF(a.aggfinalfn, 0)::regprocedure::text,
                                 'finalextra=' || a.aggfinalextra, 'finalmodify=' || a.aggfinalmodify::text,
                                 'combinefunc=' || NULLIF(a.aggcombinefn, 0)::regprocedure::text,
                                 'serialfunc=' || NULLIF(a.aggserialfn, 0)::regprocedure::text,
                                 'deserialfunc=' || NULLIF(a.aggdeserialfn, 0)::regprocedure::text,
                                 'initcond=' || quote_literal(a.agginitval),
                                 'msfunc=' || NULLIF(a.aggmtransfn, 0)::regprocedure::text,
                                 'minvfunc=' || NULLIF(a.aggminvtransfn, 0)::regprocedure::text,
                                 'mstype=' || format_type(NULLIF(a.aggmtranstype, 0), NULL),
                                 'msspace=' || a.aggmtransspace,
                                 'mfinalfunc=' || NULLIF(a.aggmfinalfn, 0)::regprocedure::text,
                                 'mfinalextra=' || a.aggmfinalextra, 'mfinalmodify=' || a.aggmfinalmodify::text,
                                 'minitcond=' || quote_literal(a.aggminitval),
                                 'sortop=' || NULLIF(a.aggsortop, 0)::regoperator::text,
                                 'parallel=' || p.proparallel::text, 'strict=' || p.proisstrict)
                FROM pg_aggregate a WHERE a.aggfnoid = p.oid)
           ELSE pg_get_functiondef(p.oid) END,
           obj_description(p.oid, 'pg_proc')
    FROM pg_proc p
    JOIN nsp n ON n.oid = p.pronamespace
    WHERE NOT EXISTS (SELECT FROM ext WHERE ext.classid = 'pg_proc'::regclass AND ext.objid = p.oid)
      -- Implicit functions, e.g. range type constructors, come with their owner.
      AND NOT EXISTS (SELECT FROM pg_depend d
                      WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')

    UNION ALL
    -- user triggers (internal ones, e.g. for foreign keys, carry OIDs in their names)
    SELECT format('trigger %s.%I', r.qname, tg.tgname),
           format('enabled=%s def=%s',
                  CASE tg.tgenabled WHEN 'O' THEN 'origin' WHEN 'D' THEN 'disabled'
                                    WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' END,
                  pg_get_triggerdef(tg.oid, true)),
           obj_description(tg.oid, 'pg_trigger')
    FROM rel r
    JOIN pg_trigger tg ON tg.tgrelid = r.oid
    WHERE NOT tg.tgisinternal

    UNION ALL
    -- rewrite rules other than the ones that implement views
    SELECT format('rule %s.%I', r.qname, rw.rulename),
           pg_get_ruledef(rw.oid, true),
           obj_description(rw.oid, 'pg_rewrite')
    FROM rel r
    JOIN pg_rewrite rw ON rw.ev_class = r.oid
    WHERE rw.rulename <> '_RETURN'

    UNION ALL
    -- row level security policies
    SELECT format('policy %s.%I', r.qname, pol.polname),
           concat_ws(' ',
               'cmd=' || CASE pol.polcmd WHEN 'r' THEN 'select' WHEN 'a' THEN 'insert' WHEN 'w' THEN 'update'
                                         WHEN 'd' THEN 'delete' ELSE 'all' END,
               'permissive=' || pol.polpermissive::text,
               'roles=' || (SELECT string_agg(rn, ',' ORDER BY rn)
                            FROM unnest(pol.polroles) ro,
                                 LATERAL (SELECT CASE WHEN ro = 0 THEN 'public' ELSE ro::regrole::text END) AS x(rn)),
               'using=' || pg_get_expr(pol.polqual, pol.polrelid),
               'check=' || pg_get_expr(pol.polwithcheck, pol.polrelid)),
           obj_description(pol.oid, 'pg_policy')
    FROM rel r
    JOIN pg_policy pol ON pol.polrelid = r.oid

    UNION ALL
    -- privileges (ACLs) of relations, columns, functions, types, schemas
    -- and default privileges, in one form: grantee:privilege, with * for the
    -- grant option.
    SELECT a.key,
           coalesce((SELECT string_agg(x.who || ':' || e.privilege_type || CASE WHEN e.is_grantable THEN '*' ELSE '' END, ','
                                       ORDER BY x.who, e.privilege_type)
                     FROM aclexplode(a.acl) e
                     CROSS JOIN LATERAL (SELECT CASE WHEN e.grantee = 0 THEN 'PUBLIC' ELSE e.grantee::regrole::text END) AS x(who)
                     WHERE e.grantee <> a.owner), a.empty),
           NULL
    FROM acls a

    UNION ALL
    -- extended statistics definitions (the collected statistics are ignored)
    SELECT format('statistics %I.%I', n.nspname, st.stxname),
           pg_get_statisticsobjdef(st.oid),
           obj_description(st.oid, 'pg_statistic_ext')
    FROM pg_statistic_ext st
    JOIN nsp n ON n.oid = st.stxnamespace
)
SELECT x.k, x.v
FROM objs
CROSS JOIN LATERAL (VALUES (objs.key, objs.value), ('comment ' || objs.key, objs.comment)) AS x(k, v)
WHERE x.v IS NOT NULL
ORDER BY x.k;
