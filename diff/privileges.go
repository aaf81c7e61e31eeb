package diff

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// GrantPrivileges grants privileges on one object, or on columns of it,
// to one grantee.
type GrantPrivileges struct {
	On schema.Ref
	// Column is set for column privileges.
	Column     string
	Grantee    string
	Privileges []string
	// GrantOption is WITH GRANT OPTION.
	GrantOption bool
	// NewObject is set when the plan creates the object (or creates it
	// again): nothing uses it yet.
	NewObject bool
	At        schema.Pos
}

// RevokePrivileges revokes privileges on one object, or on columns of
// it, from one grantee.
type RevokePrivileges struct {
	On         schema.Ref
	Column     string
	Grantee    string
	Privileges []string
	// GrantOptionOnly is REVOKE GRANT OPTION FOR: the grantee keeps the
	// privileges, but may no longer grant them.
	GrantOptionOnly bool
	// NewObject is set when the plan creates the object (or creates it
	// again), with privileges from the defaults it does not keep.
	NewObject bool
	At        schema.Pos
}

// AlterDefaultPrivileges grants or revokes default privileges: those
// objects created later get.
type AlterDefaultPrivileges struct {
	// Role is FOR ROLE, "" for the role that runs the plan; Schema is IN
	// SCHEMA, "" for every schema.
	Role, Schema string
	// ObjectKind is TABLES, SEQUENCES, FUNCTIONS, TYPES or SCHEMAS.
	ObjectKind string
	Grantee    string
	Privileges []string
	Grant      bool
	// GrantOption is WITH GRANT OPTION on a grant, GRANT OPTION FOR (the
	// grant option only) on a revoke.
	GrantOption bool
	At          schema.Pos
}

func (GrantPrivileges) Kind() string        { return "GrantPrivileges" }
func (RevokePrivileges) Kind() string       { return "RevokePrivileges" }
func (AlterDefaultPrivileges) Kind() string { return "AlterDefaultPrivileges" }

func (c GrantPrivileges) Object() string  { return aclObject(c.On, c.Column) }
func (c RevokePrivileges) Object() string { return aclObject(c.On, c.Column) }
func (c AlterDefaultPrivileges) Object() string {
	var parts []string
	if c.Role != "" {
		parts = append(parts, "for role "+c.Role)
	}
	if c.Schema != "" {
		parts = append(parts, "in schema "+c.Schema)
	}
	return strings.TrimSpace("default privileges on " + strings.ToLower(c.ObjectKind) + " " + strings.Join(parts, " "))
}

func (c GrantPrivileges) Pos() schema.Pos        { return c.At }
func (c RevokePrivileges) Pos() schema.Pos       { return c.At }
func (c AlterDefaultPrivileges) Pos() schema.Pos { return c.At }

// aclObject names an object for messages: public.users,
// public.users.email, public.f(integer), schema app.
func aclObject(r schema.Ref, column string) string {
	var s string
	switch r.Kind {
	case "schema":
		s = "schema " + r.Name.Name
	case "function":
		s = r.Name.String() + "(" + r.Args + ")"
	default:
		s = r.Name.String()
	}
	if column != "" {
		s += "." + column
	}
	return s
}

// Recreator is implemented by changes that drop an object and create it
// again, which loses its privileges: the diff grants them again, from
// the ACL the new object starts with.
type Recreator interface {
	Recreates() []schema.Ref
}

// Recreates implements Recreator: a replaced view is dropped and created
// again.
func (c ReplaceView) Recreates() []schema.Ref {
	return []schema.Ref{{Kind: "view", Name: c.To.Name}}
}

// RefExists reports whether the object a privilege is on exists in s.
// Functions count as present while s models none, so that their
// privileges are compared even where functions are not modelled.
func RefExists(s *schema.Schema, r schema.Ref) bool {
	switch r.Kind {
	case "table":
		return s.Table(r.Name) != nil
	case "view":
		return s.View(r.Name) != nil
	case "sequence":
		return s.Sequence(r.Name) != nil
	case "schema":
		return r.Name.Name == "public" || s.Namespace(r.Name.Name) != nil
	case "type":
		return s.Enum(r.Name) != nil ||
			slices.ContainsFunc(s.Domains, func(d *schema.Domain) bool { return d.Name == r.Name }) ||
			slices.ContainsFunc(s.CompositeTypes, func(c *schema.CompositeType) bool { return c.Name == r.Name }) ||
			slices.ContainsFunc(s.RangeTypes, func(c *schema.RangeType) bool { return c.Name == r.Name })
	case "function":
		return len(s.Functions) == 0 ||
			slices.ContainsFunc(s.Functions, func(f *schema.Function) bool { return f.Name == r.Name && f.Args == r.Args })
	}
	return false
}

// aclRefs lists every object of s that can hold privileges.
func aclRefs(s *schema.Schema) []schema.Ref {
	var out []schema.Ref
	for _, t := range s.Tables {
		out = append(out, schema.Ref{Kind: "table", Name: t.Name})
	}
	for _, v := range s.Views {
		out = append(out, schema.Ref{Kind: "view", Name: v.Name})
	}
	for _, q := range s.Sequences {
		out = append(out, schema.Ref{Kind: "sequence", Name: q.Name})
	}
	for _, ns := range s.Namespaces {
		out = append(out, schema.Ref{Kind: "schema", Name: schema.Name{Name: ns.Name}})
	}
	for _, e := range s.Enums {
		out = append(out, schema.Ref{Kind: "type", Name: e.Name})
	}
	for _, d := range s.Domains {
		out = append(out, schema.Ref{Kind: "type", Name: d.Name})
	}
	for _, c := range s.CompositeTypes {
		out = append(out, schema.Ref{Kind: "type", Name: c.Name})
	}
	for _, r := range s.RangeTypes {
		out = append(out, schema.Ref{Kind: "type", Name: r.Name})
	}
	for _, f := range s.Functions {
		out = append(out, schema.Ref{Kind: "function", Name: f.Name, Args: f.Args})
	}
	return out
}

// privileges compares the effective ACL of every object DESIRED has. An
// object the plan creates, or creates again, starts from the ACL the
// defaults of CURRENT give it; one CURRENT has keeps its own. Privileges
// of an object or column the plan drops go with it.
func (d *differ) privileges() {
	if len(d.from.Privileges)+len(d.to.Privileges)+len(d.from.DefaultPrivileges)+len(d.to.DefaultPrivileges) == 0 {
		// Every object has its built-in ACL on both sides (CreationACL
		// adds nothing without defaults), so nothing changes; at 10,000
		// tables comparing them took a third of the diff.
		return
	}
	fromACLs, toACLs := schema.ACLs(d.from.Privileges), schema.ACLs(d.to.Privileges)
	recreated := map[schema.Ref]bool{}
	for _, c := range d.changes {
		if r, ok := c.(Recreator); ok {
			for _, ref := range r.Recreates() {
				recreated[ref] = true
			}
		}
	}
	seen := map[schema.Ref]bool{}
	var refs []schema.Ref
	for _, r := range aclRefs(d.to) {
		if !seen[r] {
			seen[r] = true
			refs = append(refs, r)
		}
	}
	// Objects that hold privileges without being listed in the model: the
	// public schema, and functions where they are not modelled.
	var extra []schema.Ref
	for _, acls := range []map[schema.Ref]schema.ACL{toACLs, fromACLs} {
		for r := range acls {
			if !seen[r] && RefExists(d.to, r) {
				seen[r] = true
				extra = append(extra, r)
			}
		}
	}
	slices.SortFunc(extra, schema.RefCompare)
	refs = append(refs, extra...)
	for _, r := range refs {
		newObject := !RefExists(d.from, r) || recreated[r]
		var base schema.ACL
		switch {
		case newObject:
			base = schema.CreationACL(r, d.from.DefaultPrivileges)
		case fromACLs[r] != nil:
			base = fromACLs[r]
		default:
			base = schema.BuiltinACL(r)
		}
		want := toACLs[r]
		if want == nil {
			want = schema.BuiltinACL(r)
		}
		d.aclChanges(r, base, want, newObject)
	}
	d.defaultPrivileges()
}

// aclChanges adds the grants and revokes that turn ACL from into to.
// Entries of a column DESIRED no longer has are left out: they go with
// the column.
func (d *differ) aclChanges(r schema.Ref, from, to schema.ACL, newObject bool) {
	var table *schema.Table
	if r.Kind == "table" {
		table = d.to.Table(r.Name)
	}
	columnGone := func(k schema.ACLKey) bool {
		return k.Column != "" && table != nil && table.Column(k.Column) == nil
	}
	pos := d.aclPos(r)
	for _, g := range aclDelta(from, to, columnGone) {
		schema.PrivilegeOrder(r.Kind, g.column != "", g.privileges)
		at := pos(g.column, g.grantee, d.to)
		if g.grant {
			d.add(GrantPrivileges{On: r, Column: g.column, Grantee: g.grantee, Privileges: g.privileges, GrantOption: g.option, NewObject: newObject, At: at})
		} else {
			d.add(RevokePrivileges{On: r, Column: g.column, Grantee: g.grantee, Privileges: g.privileges, GrantOptionOnly: g.option, NewObject: newObject, At: at})
		}
	}
}

// aclGroup is what one GRANT or REVOKE statement changes: privileges on
// one column (or the object), for one grantee. option is WITH GRANT
// OPTION on a grant, GRANT OPTION FOR on a revoke.
type aclGroup struct {
	column, grantee string
	grant, option   bool
	privileges      []string
}

// aclDelta lists the grants and revokes that turn ACL from into to, one
// group per column, grantee and kind of statement, grants before revokes
// for each grantee. Entries skip reports are left out.
func aclDelta(from, to schema.ACL, skip func(schema.ACLKey) bool) []aclGroup {
	type key struct {
		column, grantee string
		grant, option   bool
	}
	privs := map[key][]string{}
	for k, grantable := range to {
		if skip(k) {
			continue
		}
		if had, ok := from[k]; !ok || (grantable && !had) {
			g := key{k.Column, k.Grantee, true, grantable}
			privs[g] = append(privs[g], k.Privilege)
		}
	}
	for k, grantable := range from {
		if skip(k) {
			continue
		}
		var g key
		switch now, ok := to[k]; {
		case !ok:
			g = key{k.Column, k.Grantee, false, false}
		case grantable && !now:
			g = key{k.Column, k.Grantee, false, true}
		default:
			continue
		}
		privs[g] = append(privs[g], k.Privilege)
	}
	out := make([]aclGroup, 0, len(privs))
	for k, p := range privs {
		out = append(out, aclGroup{k.column, k.grantee, k.grant, k.option, p})
	}
	slices.SortFunc(out, func(a, b aclGroup) int {
		return cmp.Or(cmp.Compare(a.column, b.column), cmp.Compare(a.grantee, b.grantee),
			-cmpBool(a.grant, b.grant), cmpBool(a.option, b.option))
	})
	return out
}

func cmpBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}

// aclPos finds where a change of an object's privileges is declared: the
// GRANT or REVOKE in DESIRED that made its entry for the grantee, else
// the object's own position, else where CURRENT had its privileges.
func (d *differ) aclPos(r schema.Ref) func(column, grantee string, s *schema.Schema) schema.Pos {
	if d.privsByRef == nil {
		d.privsByRef = map[*schema.Schema]map[schema.Ref][]*schema.Privilege{}
	}
	byRef := func(s *schema.Schema) []*schema.Privilege {
		m := d.privsByRef[s]
		if m == nil {
			m = map[schema.Ref][]*schema.Privilege{}
			for _, p := range s.Privileges {
				m[p.On] = append(m[p.On], p)
			}
			d.privsByRef[s] = m
		}
		return m[r]
	}
	return func(column, grantee string, s *schema.Schema) schema.Pos {
		var fallback schema.Pos
		for _, p := range byRef(s) {
			if p.Column == column && p.Grantee == grantee && p.Pos.IsValid() {
				return p.Pos
			}
			if !fallback.IsValid() {
				fallback = p.Pos
			}
		}
		if fallback.IsValid() {
			return fallback
		}
		if p := objectPos(s, r); p.IsValid() {
			return p
		}
		for _, p := range byRef(d.from) {
			if p.Pos.IsValid() {
				return p.Pos
			}
		}
		return schema.Pos{}
	}
}

func objectPos(s *schema.Schema, r schema.Ref) schema.Pos {
	switch r.Kind {
	case "table":
		if t := s.Table(r.Name); t != nil {
			return t.Pos
		}
	case "view":
		if v := s.View(r.Name); v != nil {
			return v.Pos
		}
	case "sequence":
		if q := s.Sequence(r.Name); q != nil {
			return q.Pos
		}
	case "schema":
		if ns := s.Namespace(r.Name.Name); ns != nil {
			return ns.Pos
		}
	case "type":
		if e := s.Enum(r.Name); e != nil {
			return e.Pos
		}
	}
	return schema.Pos{}
}

// defaultPrivileges compares the default privileges.
func (d *differ) defaultPrivileges() {
	from, to := schema.DefaultACLs(d.from.DefaultPrivileges), schema.DefaultACLs(d.to.DefaultPrivileges)
	var keys []schema.DefaultKey
	for k := range from {
		keys = append(keys, k)
	}
	for k := range to {
		if _, ok := from[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.SortFunc(keys, func(a, b schema.DefaultKey) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.ObjectKind, b.ObjectKind))
	})
	for _, k := range keys {
		base, want := from[k], to[k]
		if base == nil {
			base = schema.BuiltinDefaults(k)
		}
		if want == nil {
			want = schema.BuiltinDefaults(k)
		}
		kind := map[string]string{"TABLES": "table", "SEQUENCES": "sequence", "FUNCTIONS": "function", "TYPES": "type", "SCHEMAS": "schema"}[k.ObjectKind]
		for _, g := range aclDelta(base, want, func(schema.ACLKey) bool { return false }) {
			schema.PrivilegeOrder(kind, false, g.privileges)
			d.add(AlterDefaultPrivileges{Role: k.Role, Schema: k.Schema, ObjectKind: k.ObjectKind, Grantee: g.grantee,
				Privileges: g.privileges, Grant: g.grant, GrantOption: g.option, At: d.defaultPos(k, g.grantee)})
		}
	}
}

func (d *differ) defaultPos(k schema.DefaultKey, grantee string) schema.Pos {
	for _, s := range []*schema.Schema{d.to, d.from} {
		for _, p := range s.DefaultPrivileges {
			if p.Role == k.Role && p.Schema == k.Schema && p.ObjectKind == k.ObjectKind && p.Grantee == grantee && p.Pos.IsValid() {
				return p.Pos
			}
		}
	}
	return schema.Pos{}
}

// renamePrivileges moves the privileges of renamed tables to their new
// names, as ALTER TABLE ... RENAME keeps a table's ACL.
func renamePrivileges(privs []*schema.Privilege, to func(schema.Name) schema.Name) []*schema.Privilege {
	out := make([]*schema.Privilege, 0, len(privs))
	for _, p := range privs {
		if p.On.Kind == "table" && to(p.On.Name) != p.On.Name {
			n := *p
			n.On.Name = to(p.On.Name)
			p = &n
		}
		out = append(out, p)
	}
	return out
}

// aclApplier keeps the ACLs of a schema being applied changes to.
type aclApplier struct {
	acls map[schema.Ref]schema.ACL
	defs map[schema.DefaultKey]schema.ACL
}

func newACLApplier(s *schema.Schema) *aclApplier {
	return &aclApplier{acls: schema.ACLs(s.Privileges), defs: schema.DefaultACLs(s.DefaultPrivileges)}
}

func (a *aclApplier) acl(r schema.Ref) schema.ACL {
	if a.acls[r] == nil {
		a.acls[r] = schema.BuiltinACL(r)
	}
	return a.acls[r]
}

// follow makes the ACLs follow a change the way the database does:
// a created object gets its creation ACL, a dropped one loses its ACL, a
// renamed table keeps its own; and it applies the privilege changes. It
// reports whether c was a privilege change.
func (a *aclApplier) follow(s *schema.Schema, c Change) (bool, error) {
	created := func(r schema.Ref) {
		var defs []*schema.DefaultPrivilege
		for k, acl := range a.defs {
			defs = append(defs, acl.DefaultEntries(k, func(schema.ACLKey) schema.Pos { return schema.Pos{} })...)
		}
		a.acls[r] = schema.CreationACL(r, defs)
	}
	switch c := c.(type) {
	case GrantPrivileges:
		acl := a.acl(c.On)
		for _, p := range c.Privileges {
			k := schema.ACLKey{Column: c.Column, Grantee: c.Grantee, Privilege: p}
			acl[k] = acl[k] || c.GrantOption
		}
		return true, nil
	case RevokePrivileges:
		acl := a.acl(c.On)
		for _, p := range c.Privileges {
			k := schema.ACLKey{Column: c.Column, Grantee: c.Grantee, Privilege: p}
			if _, ok := acl[k]; !ok {
				return true, fmt.Errorf("%s holds no %s", c.Grantee, p)
			}
			if c.GrantOptionOnly {
				acl[k] = false
			} else {
				delete(acl, k)
			}
		}
		return true, nil
	case AlterDefaultPrivileges:
		k := schema.DefaultKey{Role: c.Role, Schema: c.Schema, ObjectKind: c.ObjectKind}
		if a.defs[k] == nil {
			a.defs[k] = schema.BuiltinDefaults(k)
		}
		for _, p := range c.Privileges {
			e := schema.ACLKey{Grantee: c.Grantee, Privilege: p}
			switch {
			case c.Grant:
				a.defs[k][e] = a.defs[k][e] || c.GrantOption
			case c.GrantOption:
				a.defs[k][e] = false
			default:
				delete(a.defs[k], e)
			}
		}
		return true, nil
	case CreateTable:
		created(schema.Ref{Kind: "table", Name: c.Table.Name})
	case CreateView:
		created(schema.Ref{Kind: "view", Name: c.View.Name})
	case ReplaceView:
		created(schema.Ref{Kind: "view", Name: c.To.Name})
	case CreateSequence:
		created(schema.Ref{Kind: "sequence", Name: c.Sequence.Name})
	case CreateNamespace:
		created(schema.Ref{Kind: "schema", Name: schema.Name{Name: c.Namespace.Name}})
	case CreateEnum:
		created(schema.Ref{Kind: "type", Name: c.Enum.Name})
	case CreateCompositeType:
		created(schema.Ref{Kind: "type", Name: c.Type.Name})
	case ReplaceCompositeType:
		created(schema.Ref{Kind: "type", Name: c.To.Name})
	case DropCompositeType:
		delete(a.acls, schema.Ref{Kind: "type", Name: c.Type.Name})
	case CreateRangeType:
		created(schema.Ref{Kind: "type", Name: c.Type.Name})
	case ReplaceRangeType:
		created(schema.Ref{Kind: "type", Name: c.To.Name})
	case DropRangeType:
		delete(a.acls, schema.Ref{Kind: "type", Name: c.Type.Name})
	case DropTable:
		a.dropRelation(schema.Ref{Kind: "table", Name: c.Table.Name})
		for r := range a.acls {
			if r.Kind == "sequence" && slices.ContainsFunc(s.Sequences, func(q *schema.Sequence) bool {
				return q.Name == r.Name && q.OwnedBy != nil && q.OwnedBy.Table == c.Table.Name
			}) {
				delete(a.acls, r)
			}
		}
	case DropView:
		a.dropRelation(schema.Ref{Kind: "view", Name: c.View.Name})
	case DropSequence:
		delete(a.acls, schema.Ref{Kind: "sequence", Name: c.Sequence.Name})
	case DropNamespace:
		delete(a.acls, schema.Ref{Kind: "schema", Name: schema.Name{Name: c.Namespace.Name}})
	case DropEnum:
		delete(a.acls, schema.Ref{Kind: "type", Name: c.Enum.Name})
	case DropColumn:
		a.dropColumn(c.Table.Name, c.Column.Name)
	case RenameColumn:
		a.dropColumn(c.Table.Name, c.From.Name)
	case RenameEnum:
		from, to := schema.Ref{Kind: "type", Name: c.From.Name}, schema.Ref{Kind: "type", Name: c.To.Name}
		if acl, ok := a.acls[from]; ok {
			a.acls[to] = acl
			delete(a.acls, from)
		}
	case RenameTable:
		from, to := schema.Ref{Kind: "table", Name: c.From.Name}, schema.Ref{Kind: "table", Name: c.To.Name}
		if acl, ok := a.acls[from]; ok {
			a.acls[to] = acl
			delete(a.acls, from)
		}
	}
	return false, nil
}

func (a *aclApplier) dropRelation(r schema.Ref) { delete(a.acls, r) }

func (a *aclApplier) dropColumn(table schema.Name, col string) {
	acl := a.acls[schema.Ref{Kind: "table", Name: table}]
	for k := range acl {
		if k.Column == col {
			delete(acl, k)
		}
	}
}

// store writes the ACLs back into s.
func (a *aclApplier) store(s *schema.Schema) {
	s.Privileges = nil
	for r, acl := range a.acls {
		s.Privileges = append(s.Privileges, acl.Entries(r, func(schema.ACLKey) schema.Pos { return schema.Pos{} })...)
	}
	schema.SortPrivileges(s.Privileges)
	s.DefaultPrivileges = nil
	for k, acl := range a.defs {
		s.DefaultPrivileges = append(s.DefaultPrivileges, acl.DefaultEntries(k, func(schema.ACLKey) schema.Pos { return schema.Pos{} })...)
	}
	schema.SortDefaultPrivileges(s.DefaultPrivileges)
}
