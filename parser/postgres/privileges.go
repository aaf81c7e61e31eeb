package postgres

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// GRANT, REVOKE and ALTER DEFAULT PRIVILEGES are read into operations in
// file order and replayed once the whole file is read (finishPrivileges),
// together with the creation of every object: an object created after an
// ALTER DEFAULT PRIVILEGES gets the default privileges then in force, as
// PostgreSQL gives them, and the model holds each object's effective ACL
// rather than the statements that made it.

// aclState collects a file's privilege operations.
type aclState struct {
	ops []aclOp
}

// aclOp is one GRANT or REVOKE, on objects or on default privileges,
// resolved to its targets.
type aclOp struct {
	pos   schema.Pos
	grant bool
	// option is WITH GRANT OPTION for a grant, GRANT OPTION FOR for a
	// revoke (which then removes only the grant option).
	option   bool
	grantees []string
	// targets are the objects with the privileges each gets (column
	// privileges carry their column).
	targets []aclTarget
	// defaults, for ALTER DEFAULT PRIVILEGES, are the (role, schema)
	// pairs it applies to, with kind and privs.
	defaults    []defaultScope
	defaultKind string
	defaultPriv []string
}

type aclTarget struct {
	on    schema.Ref
	privs []schema.ACLKey // Grantee left empty
}

type defaultScope struct{ role, schema string }

func (p *state) aclOps() *aclState {
	if p.acl == nil {
		p.acl = &aclState{}
	}
	return p.acl
}

// grantees reads GRANT's role list. The current user stands for the role
// that runs the plan, which owns what it creates: its entries are not
// modelled, and are left out with a note.
func (p *state) grantees(nodes []*pg.Node) []string {
	var out []string
	for _, n := range nodes {
		r := n.GetRoleSpec()
		switch r.GetRoletype() {
		case pg.RoleSpecType_ROLESPEC_PUBLIC:
			out = append(out, schema.Public)
		case pg.RoleSpecType_ROLESPEC_CSTRING:
			out = append(out, truncateIdent(r.Rolename))
		default:
			p.ignore("GRANT/REVOKE to the current user (the owner's own privileges)")
		}
	}
	return out
}

// privilegeNames reads GRANT's privilege list into table-level names and
// column privileges; all is set for ALL [PRIVILEGES].
type privSpec struct {
	name string
	cols []string
}

func privSpecs(nodes []*pg.Node) (specs []privSpec, all bool) {
	if len(nodes) == 0 {
		return nil, true
	}
	for _, n := range nodes {
		ap := n.GetAccessPriv()
		s := privSpec{name: strings.ToUpper(ap.GetPrivName())}
		for _, c := range ap.GetCols() {
			s.cols = append(s.cols, truncateIdent(c.GetString_().GetSval()))
		}
		specs = append(specs, s)
	}
	return specs, false
}

// expand turns privilege specs into the entries they mean on an object
// of the given Ref kind: ALL is every privilege of the kind, a column
// list makes column privileges, and privileges the kind does not have
// are an error, as in PostgreSQL (except on a sequence named as a TABLE,
// where PostgreSQL only warns and skips them).
func (p *state) expand(kind string, specs []privSpec, all bool, lenient bool) ([]schema.ACLKey, error) {
	var out []schema.ACLKey
	if all {
		for _, priv := range schema.AllPrivileges(kind, false) {
			out = append(out, schema.ACLKey{Privilege: priv})
		}
		return out, nil
	}
	for _, s := range specs {
		if len(s.cols) > 0 {
			if kind != "table" && kind != "view" {
				return nil, fmt.Errorf("column privileges are only valid for relations")
			}
			names := []string{s.name}
			if s.name == "ALL" || s.name == "ALL PRIVILEGES" {
				names = schema.AllPrivileges(kind, true)
			}
			for _, name := range names {
				if !slices.Contains(schema.AllPrivileges(kind, true), name) {
					return nil, fmt.Errorf("invalid privilege type %s for column", name)
				}
				for _, c := range s.cols {
					out = append(out, schema.ACLKey{Column: c, Privilege: name})
				}
			}
			continue
		}
		if !slices.Contains(schema.AllPrivileges(kind, false), s.name) {
			if lenient {
				p.note(parser.Warning, p.stmtPos, "sequences only support USAGE, SELECT and UPDATE privileges: %s is skipped, as PostgreSQL does", s.name)
				continue
			}
			return nil, fmt.Errorf("invalid privilege type %s for %s", s.name, kind)
		}
		out = append(out, schema.ACLKey{Privilege: s.name})
	}
	return out, nil
}

// grant reads a GRANT or REVOKE of privileges on objects.
func (p *state) grant(s *pg.GrantStmt) error {
	op := aclOp{pos: p.stmtPos, grant: s.IsGrant, option: s.GrantOption, grantees: p.grantees(s.Grantees)}
	specs, all := privSpecs(s.Privileges)
	add := func(on schema.Ref, lenient bool) error {
		keys, err := p.expand(on.Kind, specs, all, lenient)
		if err != nil {
			return err
		}
		if len(keys) > 0 {
			op.targets = append(op.targets, aclTarget{on: on, privs: keys})
		}
		return nil
	}
	switch s.Objtype {
	case pg.ObjectType_OBJECT_TABLE, pg.ObjectType_OBJECT_SEQUENCE:
		if s.Targtype == pg.GrantTargetType_ACL_TARGET_ALL_IN_SCHEMA {
			for _, n := range s.Objects {
				ns := n.GetString_().GetSval()
				for _, ref := range p.relationsIn(ns, s.Objtype == pg.ObjectType_OBJECT_SEQUENCE) {
					if err := add(ref, ref.Kind == "sequence" && s.Objtype == pg.ObjectType_OBJECT_TABLE); err != nil {
						return err
					}
				}
			}
			break
		}
		for _, n := range s.Objects {
			name, err := p.rangeVarName(n.GetRangeVar())
			if err != nil {
				return err
			}
			ref, ok := p.relationRef(name)
			if !ok {
				p.unsupported("GRANT/REVOKE on an unmodelled relation", name.String())
				return nil
			}
			if s.Objtype == pg.ObjectType_OBJECT_SEQUENCE && ref.Kind != "sequence" {
				return fmt.Errorf("%s is not a sequence", name)
			}
			if err := add(ref, ref.Kind == "sequence" && s.Objtype == pg.ObjectType_OBJECT_TABLE); err != nil {
				return err
			}
		}
	case pg.ObjectType_OBJECT_FUNCTION, pg.ObjectType_OBJECT_PROCEDURE, pg.ObjectType_OBJECT_ROUTINE:
		if s.Targtype == pg.GrantTargetType_ACL_TARGET_ALL_IN_SCHEMA {
			refs, ok := p.functionsIn(s.Objects, s.Objtype)
			if !ok {
				p.unsupported("GRANT/REVOKE ON ALL FUNCTIONS IN SCHEMA with unmodelled functions", "")
				return nil
			}
			for _, ref := range refs {
				if err := add(ref, false); err != nil {
					return err
				}
			}
			break
		}
		for _, n := range s.Objects {
			ref, ok, err := p.functionRef(n.GetObjectWithArgs())
			if err != nil {
				return err
			}
			if !ok {
				p.unsupported("GRANT/REVOKE on a function named without its argument types", ref.Name.String())
				return nil
			}
			if err := add(ref, false); err != nil {
				return err
			}
		}
	case pg.ObjectType_OBJECT_SCHEMA:
		for _, n := range s.Objects {
			ns := n.GetString_().GetSval()
			if _, ok := p.namespaces[ns]; !ok && ns != "public" {
				p.unsupported("GRANT/REVOKE on an unmodelled schema", ns)
				return nil
			}
			if err := add(schema.Ref{Kind: "schema", Name: schema.Name{Name: ns}}, false); err != nil {
				return err
			}
		}
	case pg.ObjectType_OBJECT_TYPE, pg.ObjectType_OBJECT_DOMAIN:
		for _, n := range s.Objects {
			name, err := p.nameList(n.GetList().GetItems())
			if err != nil {
				return err
			}
			if len(n.GetList().GetItems()) == 1 {
				name.Schema = p.resolveTypeSchema(name.Name)
			}
			if !p.typeNames[name] {
				p.unsupported("GRANT/REVOKE on an unmodelled type", name.String())
				return nil
			}
			if err := add(schema.Ref{Kind: "type", Name: name}, false); err != nil {
				return err
			}
		}
	default:
		p.unsupported("GRANT/REVOKE ON "+strings.ReplaceAll(strings.TrimPrefix(s.Objtype.String(), "OBJECT_"), "_", " "), "")
		return nil
	}
	if len(op.grantees) > 0 {
		p.aclOps().ops = append(p.aclOps().ops, op)
	}
	return nil
}

// relationRef names a relation the file created, with its kind.
func (p *state) relationRef(name schema.Name) (schema.Ref, bool) {
	switch {
	case p.tables[name] != nil:
		return schema.Ref{Kind: "table", Name: name}, true
	case p.views[name] != nil:
		return schema.Ref{Kind: "view", Name: name}, true
	case p.seqs[name] != nil:
		return schema.Ref{Kind: "sequence", Name: name}, true
	}
	return schema.Ref{}, false
}

// relationsIn lists the tables and views (or the sequences) of a schema
// created so far, for GRANT ... ON ALL TABLES (SEQUENCES) IN SCHEMA.
func (p *state) relationsIn(ns string, sequences bool) []schema.Ref {
	var out []schema.Ref
	if sequences {
		for n := range p.seqs {
			if n.Schema == ns {
				out = append(out, schema.Ref{Kind: "sequence", Name: n})
			}
		}
	} else {
		for n := range p.tables {
			if n.Schema == ns {
				out = append(out, schema.Ref{Kind: "table", Name: n})
			}
		}
		for n := range p.views {
			if n.Schema == ns {
				out = append(out, schema.Ref{Kind: "view", Name: n})
			}
		}
	}
	slices.SortFunc(out, schema.RefCompare)
	return out
}

// functionsIn lists the modelled functions of the schemas for GRANT ON
// ALL FUNCTIONS (PROCEDURES, ROUTINES) IN SCHEMA; ok is false when the
// file has functions the model does not hold, which the grant would
// cover too.
func (p *state) functionsIn(schemas []*pg.Node, objtype pg.ObjectType) (refs []schema.Ref, ok bool) {
	for _, u := range p.s.Unsupported {
		if strings.HasPrefix(u.Kind, "CREATE FUNCTION") || strings.HasPrefix(u.Kind, "CREATE PROCEDURE") || strings.HasPrefix(u.Kind, "CREATE AGGREGATE") {
			return nil, false
		}
	}
	for _, n := range schemas {
		ns := n.GetString_().GetSval()
		for _, f := range p.s.Functions {
			if f.Name.Schema != ns {
				continue
			}
			isProc := f.Kind == schema.KindProcedure
			if (objtype == pg.ObjectType_OBJECT_FUNCTION && isProc) || (objtype == pg.ObjectType_OBJECT_PROCEDURE && !isProc) {
				continue
			}
			refs = append(refs, schema.Ref{Kind: "function", Name: f.Name, Args: f.Args})
		}
	}
	return refs, true
}

// functionRef names a function by its name and identity argument types;
// ok is false when the arguments were left out and the model holds no
// single function of that name to take them from.
func (p *state) functionRef(o *pg.ObjectWithArgs) (ref schema.Ref, ok bool, err error) {
	name, err := p.nameList(o.Objname)
	if err != nil {
		return ref, false, err
	}
	ref = schema.Ref{Kind: "function", Name: name}
	if o.ArgsUnspecified {
		var found []*schema.Function
		for _, f := range p.s.Functions {
			if f.Name == name {
				found = append(found, f)
			}
		}
		if len(found) != 1 {
			return ref, false, nil
		}
		ref.Args = found[0].Args
		return ref, true, nil
	}
	var args []string
	for _, a := range o.Objargs {
		t, _, err := p.resolveType(a.GetTypeName())
		if err != nil {
			return ref, false, err
		}
		args = append(args, TypeSQL(t))
	}
	ref.Args = strings.Join(args, ", ")
	return ref, true, nil
}

// defaultKinds are the object kinds of ALTER DEFAULT PRIVILEGES, by the
// Ref kind whose privileges they list.
var defaultKinds = map[pg.ObjectType][2]string{
	pg.ObjectType_OBJECT_TABLE:    {"TABLES", "table"},
	pg.ObjectType_OBJECT_SEQUENCE: {"SEQUENCES", "sequence"},
	pg.ObjectType_OBJECT_FUNCTION: {"FUNCTIONS", "function"},
	pg.ObjectType_OBJECT_TYPE:     {"TYPES", "type"},
	pg.ObjectType_OBJECT_SCHEMA:   {"SCHEMAS", "schema"},
}

// alterDefaultPrivileges reads ALTER DEFAULT PRIVILEGES.
func (p *state) alterDefaultPrivileges(s *pg.AlterDefaultPrivilegesStmt) error {
	var roles, schemas []string
	for _, o := range s.Options {
		d := o.GetDefElem()
		for _, item := range d.GetArg().GetList().GetItems() {
			switch d.Defname {
			case "roles":
				r := item.GetRoleSpec()
				if r.GetRoletype() == pg.RoleSpecType_ROLESPEC_CSTRING {
					roles = append(roles, truncateIdent(r.Rolename))
				} else {
					roles = append(roles, "") // the role that runs the plan
				}
			case "schemas":
				schemas = append(schemas, truncateIdent(item.GetString_().GetSval()))
			}
		}
	}
	if len(roles) == 0 {
		roles = []string{""}
	}
	if len(schemas) == 0 {
		schemas = []string{""}
	}
	a := s.Action
	kinds, ok := defaultKinds[a.Objtype]
	if !ok {
		p.unsupported("ALTER DEFAULT PRIVILEGES ON "+strings.TrimPrefix(a.Objtype.String(), "OBJECT_"), "")
		return nil
	}
	if kinds[0] == "SCHEMAS" && schemas[0] != "" {
		return fmt.Errorf("cannot use IN SCHEMA clause when using GRANT/REVOKE ON SCHEMAS")
	}
	specs, all := privSpecs(a.Privileges)
	keys, err := p.expand(kinds[1], specs, all, false)
	if err != nil {
		return err
	}
	op := aclOp{pos: p.stmtPos, grant: a.IsGrant, option: a.GrantOption, grantees: p.grantees(a.Grantees), defaultKind: kinds[0]}
	for _, k := range keys {
		op.defaultPriv = append(op.defaultPriv, k.Privilege)
	}
	for _, r := range roles {
		for _, ns := range schemas {
			op.defaults = append(op.defaults, defaultScope{role: r, schema: ns})
		}
	}
	if len(op.grantees) > 0 {
		p.aclOps().ops = append(p.aclOps().ops, op)
	}
	return nil
}

// finishPrivileges replays the privilege operations and the creation of
// objects in file order, and stores the effective ACLs and default
// privileges in the model.
func (p *state) finishPrivileges() {
	if p.acl == nil || len(p.acl.ops) == 0 {
		// Without a GRANT, REVOKE or ALTER DEFAULT PRIVILEGES every object
		// has the ACL it is created with, which no entry describes: skip
		// building one per object (two maps each, on every table).
		p.s.Privileges, p.s.DefaultPrivileges = nil, nil
		return
	}
	type creation struct {
		on  schema.Ref
		pos schema.Pos
	}
	var made []creation
	for _, t := range p.s.Tables {
		made = append(made, creation{schema.Ref{Kind: "table", Name: t.Name}, t.Pos})
	}
	for _, v := range p.s.Views {
		made = append(made, creation{schema.Ref{Kind: "view", Name: v.Name}, v.Pos})
	}
	for _, q := range p.s.Sequences {
		made = append(made, creation{schema.Ref{Kind: "sequence", Name: q.Name}, q.Pos})
	}
	for _, ns := range p.s.Namespaces {
		made = append(made, creation{schema.Ref{Kind: "schema", Name: schema.Name{Name: ns.Name}}, ns.Pos})
	}
	for _, e := range p.s.Enums {
		made = append(made, creation{schema.Ref{Kind: "type", Name: e.Name}, e.Pos})
	}
	for _, d := range p.s.Domains {
		made = append(made, creation{schema.Ref{Kind: "type", Name: d.Name}, d.Pos})
	}
	for _, c := range p.s.CompositeTypes {
		made = append(made, creation{schema.Ref{Kind: "type", Name: c.Name}, c.Pos})
	}
	for _, r := range p.s.RangeTypes {
		made = append(made, creation{schema.Ref{Kind: "type", Name: r.Name}, r.Pos})
	}
	for _, f := range p.s.Functions {
		made = append(made, creation{schema.Ref{Kind: "function", Name: f.Name, Args: f.Args}, f.Pos})
	}
	var ops []aclOp
	if p.acl != nil {
		ops = p.acl.ops
	}
	before := func(a, b schema.Pos) bool { return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col)) < 0 }
	slices.SortStableFunc(made, func(a, b creation) int {
		return cmp.Or(cmp.Compare(a.pos.Line, b.pos.Line), cmp.Compare(a.pos.Col, b.pos.Col))
	})

	acls := map[schema.Ref]schema.ACL{}
	posOf := map[schema.Ref]map[schema.ACLKey]schema.Pos{}
	defaults := map[schema.DefaultKey]schema.ACL{}
	defaultPos := map[schema.DefaultKey]map[schema.ACLKey]schema.Pos{}
	acl := func(r schema.Ref) schema.ACL {
		if acls[r] == nil {
			acls[r] = schema.BuiltinACL(r)
			posOf[r] = map[schema.ACLKey]schema.Pos{}
		}
		return acls[r]
	}
	var defs []*schema.DefaultPrivilege
	currentDefaults := func() []*schema.DefaultPrivilege {
		defs = defs[:0]
		for k, a := range defaults {
			defs = append(defs, a.DefaultEntries(k, func(schema.ACLKey) schema.Pos { return schema.Pos{} })...)
		}
		return defs
	}
	create := func(c creation) {
		acls[c.on] = schema.CreationACL(c.on, currentDefaults())
		posOf[c.on] = map[schema.ACLKey]schema.Pos{}
		for k := range acls[c.on] {
			posOf[c.on][k] = c.pos
		}
	}
	i := 0
	for _, op := range ops {
		for i < len(made) && before(made[i].pos, op.pos) {
			create(made[i])
			i++
		}
		if op.defaultKind != "" {
			for _, sc := range op.defaults {
				k := schema.DefaultKey{Role: sc.role, Schema: sc.schema, ObjectKind: op.defaultKind}
				if defaults[k] == nil {
					defaults[k] = schema.BuiltinDefaults(k)
					defaultPos[k] = map[schema.ACLKey]schema.Pos{}
				}
				for _, g := range op.grantees {
					for _, priv := range op.defaultPriv {
						applyACL(defaults[k], defaultPos[k], schema.ACLKey{Grantee: g, Privilege: priv}, op)
					}
				}
			}
			continue
		}
		for _, t := range op.targets {
			a := acl(t.on)
			for _, g := range op.grantees {
				for _, k := range t.privs {
					k.Grantee = g
					applyACL(a, posOf[t.on], k, op)
					if !op.grant && k.Column == "" {
						// REVOKE on a table revokes the privilege
						// on each of its columns as well.
						for ck := range a {
							if ck.Column != "" && ck.Grantee == g && ck.Privilege == k.Privilege {
								applyACL(a, posOf[t.on], ck, op)
							}
						}
					}
				}
			}
		}
	}
	for ; i < len(made); i++ {
		create(made[i])
	}
	p.s.Privileges = nil
	for r, a := range acls {
		pos := posOf[r]
		p.s.Privileges = append(p.s.Privileges, a.Entries(r, func(k schema.ACLKey) schema.Pos { return pos[k] })...)
	}
	schema.SortPrivileges(p.s.Privileges)
	p.s.DefaultPrivileges = nil
	for k, a := range defaults {
		pos := defaultPos[k]
		p.s.DefaultPrivileges = append(p.s.DefaultPrivileges, a.DefaultEntries(k, func(e schema.ACLKey) schema.Pos { return pos[e] })...)
	}
	schema.SortDefaultPrivileges(p.s.DefaultPrivileges)
}

// applyACL applies one entry of a GRANT or REVOKE to an ACL.
func applyACL(a schema.ACL, pos map[schema.ACLKey]schema.Pos, k schema.ACLKey, op aclOp) {
	switch {
	case op.grant:
		a[k] = a[k] || op.option
		pos[k] = op.pos
	case op.option:
		if _, ok := a[k]; ok {
			a[k] = false
			pos[k] = op.pos
		}
	default:
		delete(a, k)
		pos[k] = op.pos
	}
}
