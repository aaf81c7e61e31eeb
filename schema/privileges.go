package schema

import (
	"cmp"
	"slices"
)

// PostgreSQL's access control model, as zdplan compares it: every object
// has an access control list (ACL) of entries (grantee, privilege,
// grantable), per column for column privileges. A new object's ACL is the
// kind's built-in one (PUBLIC may EXECUTE functions and USE types) changed
// by the default privileges in force for the role that creates it; GRANT
// adds entries and REVOKE removes them. The owner's own entries are never
// part of it: the owner is whoever runs the plan, and holds every
// privilege anyway.

// Public is the grantee that stands for every role.
const Public = "PUBLIC"

// privilegeLists are the privileges of each object kind, in the order
// GRANT lists them; GRANT ALL means all of them.
var privilegeLists = map[string][]string{
	"table":    {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"},
	"view":     {"SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"},
	"column":   {"SELECT", "INSERT", "UPDATE", "REFERENCES"},
	"sequence": {"USAGE", "SELECT", "UPDATE"},
	"function": {"EXECUTE"},
	"schema":   {"USAGE", "CREATE"},
	"type":     {"USAGE"},
}

// AllPrivileges lists the privileges of an object kind (a Ref Kind), or
// of a column when column is set, in GRANT order; nil for a kind that has
// no privileges.
func AllPrivileges(kind string, column bool) []string {
	if column {
		return privilegeLists["column"]
	}
	return privilegeLists[kind]
}

// PrivilegeOrder sorts privilege names in GRANT order.
func PrivilegeOrder(kind string, column bool, privs []string) {
	all := AllPrivileges(kind, column)
	slices.SortFunc(privs, func(a, b string) int {
		return cmp.Or(cmp.Compare(index(all, a), index(all, b)), cmp.Compare(a, b))
	})
}

func index(list []string, s string) int {
	if i := slices.Index(list, s); i >= 0 {
		return i
	}
	return len(list)
}

// BuiltinPrivileges are the privileges PUBLIC holds on a new object of
// the kind before any GRANT or REVOKE: EXECUTE on functions and
// procedures, USAGE on types and domains, and USAGE on the public schema
// (PostgreSQL 15 and later).
func BuiltinPrivileges(r Ref) []string {
	switch r.Kind {
	case "function":
		return []string{"EXECUTE"}
	case "type":
		return []string{"USAGE"}
	case "schema":
		if r.Name.Name == "public" {
			return []string{"USAGE"}
		}
	}
	return nil
}

// DefaultPrivilegeKind is the ALTER DEFAULT PRIVILEGES object kind
// (TABLES, SEQUENCES, FUNCTIONS, TYPES, SCHEMAS) that covers objects of a
// Ref Kind, or "" for none.
func DefaultPrivilegeKind(kind string) string {
	switch kind {
	case "table", "view":
		return "TABLES"
	case "sequence":
		return "SEQUENCES"
	case "function":
		return "FUNCTIONS"
	case "type":
		return "TYPES"
	case "schema":
		return "SCHEMAS"
	}
	return ""
}

// ACLKey is one entry of an ACL, without its grant option.
type ACLKey struct {
	Column    string
	Grantee   string
	Privilege string
}

// ACL is an object's effective access control list: each entry, and
// whether it carries the grant option.
type ACL map[ACLKey]bool

// BuiltinACL is the ACL of a new object when no default privileges
// apply.
func BuiltinACL(r Ref) ACL {
	acl := ACL{}
	for _, p := range BuiltinPrivileges(r) {
		acl[ACLKey{Grantee: Public, Privilege: p}] = false
	}
	return acl
}

// CreationACL is the ACL an object gets when the role that runs the plan
// creates it while defs are the default privileges in force: the built-in
// ACL, changed by the defaults for every schema, plus those for the
// object's schema. Defaults FOR ROLE another role do not apply.
func CreationACL(r Ref, defs []*DefaultPrivilege) ACL {
	acl := BuiltinACL(r)
	kind := DefaultPrivilegeKind(r.Kind)
	// Defaults for every schema replace the built-in ones; those for one
	// schema only add to them.
	for _, global := range []bool{true, false} {
		for _, d := range defs {
			if d.Role != "" || d.ObjectKind != kind || (d.Schema == "") != global {
				continue
			}
			if !global && (r.Kind == "schema" || d.Schema != r.Name.Schema) {
				continue
			}
			k := ACLKey{Grantee: d.Grantee, Privilege: d.Privilege}
			if d.Revoked {
				delete(acl, k)
			} else {
				acl[k] = acl[k] || d.Grantable
			}
		}
	}
	return acl
}

// ACLs returns the effective ACL of every object privs have entries for;
// an object without entries has its BuiltinACL.
func ACLs(privs []*Privilege) map[Ref]ACL {
	out := map[Ref]ACL{}
	for _, p := range privs {
		acl := out[p.On]
		if acl == nil {
			acl = BuiltinACL(p.On)
			out[p.On] = acl
		}
		acl.set(ACLKey{Column: p.Column, Grantee: p.Grantee, Privilege: p.Privilege}, p.Revoked, p.Grantable)
	}
	return out
}

// set records one entry: revoked, or granted with or without the grant
// option.
func (acl ACL) set(k ACLKey, revoked, grantable bool) {
	if revoked {
		delete(acl, k)
	} else {
		acl[k] = grantable
	}
}

// against calls f for each entry acl holds that builtin does not (or
// holds with another grant option), and, with revoked set, for each entry
// of builtin it lacks.
func (acl ACL) against(builtin ACL, f func(k ACLKey, grantable, revoked bool)) {
	for k, grantable := range acl {
		if g, ok := builtin[k]; !ok || g != grantable {
			f(k, grantable, false)
		}
	}
	for k := range builtin {
		if _, ok := acl[k]; !ok {
			f(k, false, true)
		}
	}
}

// Entries turns an object's ACL back into Privilege entries in a
// deterministic order: an entry for each privilege held beyond the
// built-in ones, and a Revoked entry for each built-in one it lacks. pos
// gives each entry's position.
func (acl ACL) Entries(r Ref, pos func(ACLKey) Pos) []*Privilege {
	var out []*Privilege
	acl.against(BuiltinACL(r), func(k ACLKey, grantable, revoked bool) {
		out = append(out, &Privilege{On: r, Column: k.Column, Privilege: k.Privilege, Grantee: k.Grantee,
			Grantable: grantable, Revoked: revoked, Pos: pos(k)})
	})
	SortPrivileges(out)
	return out
}

// RefCompare orders object references by kind, name and arguments.
func RefCompare(a, b Ref) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), a.Name.Compare(b.Name), cmp.Compare(a.Args, b.Args))
}

// SortPrivileges puts entries in a deterministic order: by object,
// column, grantee, then privilege in GRANT order.
func SortPrivileges(privs []*Privilege) {
	slices.SortStableFunc(privs, func(a, b *Privilege) int {
		return cmp.Or(RefCompare(a.On, b.On), cmp.Compare(a.Column, b.Column), cmp.Compare(a.Grantee, b.Grantee),
			cmp.Compare(index(AllPrivileges(a.On.Kind, a.Column != ""), a.Privilege), index(AllPrivileges(b.On.Kind, b.Column != ""), b.Privilege)),
			cmp.Compare(a.Privilege, b.Privilege))
	})
}

// SortDefaultPrivileges puts default privileges in a deterministic order.
func SortDefaultPrivileges(defs []*DefaultPrivilege) {
	slices.SortStableFunc(defs, func(a, b *DefaultPrivilege) int {
		return cmp.Or(cmp.Compare(a.Role, b.Role), cmp.Compare(a.Schema, b.Schema), cmp.Compare(a.ObjectKind, b.ObjectKind),
			cmp.Compare(a.Grantee, b.Grantee), cmp.Compare(a.Privilege, b.Privilege))
	})
}

// DefaultKey identifies one default ACL: PostgreSQL keeps one per role,
// schema ("" for every schema) and object kind.
type DefaultKey struct{ Role, Schema, ObjectKind string }

// BuiltinDefaults is a default ACL before any ALTER DEFAULT PRIVILEGES:
// for every schema, the kind's built-in PUBLIC privileges; for one
// schema, nothing.
func BuiltinDefaults(k DefaultKey) ACL {
	acl := ACL{}
	if k.Schema != "" {
		return acl
	}
	switch k.ObjectKind {
	case "FUNCTIONS":
		acl[ACLKey{Grantee: Public, Privilege: "EXECUTE"}] = false
	case "TYPES":
		acl[ACLKey{Grantee: Public, Privilege: "USAGE"}] = false
	}
	return acl
}

// DefaultACLs returns every default ACL defs have entries for; one
// without entries is BuiltinDefaults.
func DefaultACLs(defs []*DefaultPrivilege) map[DefaultKey]ACL {
	out := map[DefaultKey]ACL{}
	for _, d := range defs {
		k := DefaultKey{d.Role, d.Schema, d.ObjectKind}
		acl := out[k]
		if acl == nil {
			acl = BuiltinDefaults(k)
			out[k] = acl
		}
		acl.set(ACLKey{Grantee: d.Grantee, Privilege: d.Privilege}, d.Revoked, d.Grantable)
	}
	return out
}

// DefaultEntries turns a default ACL into DefaultPrivilege entries:
// those beyond the built-in defaults, and Revoked ones for built-in
// defaults it lacks, in a deterministic order.
func (acl ACL) DefaultEntries(k DefaultKey, pos func(ACLKey) Pos) []*DefaultPrivilege {
	var out []*DefaultPrivilege
	acl.against(BuiltinDefaults(k), func(e ACLKey, grantable, revoked bool) {
		out = append(out, &DefaultPrivilege{Role: k.Role, Schema: k.Schema, ObjectKind: k.ObjectKind,
			Privilege: e.Privilege, Grantee: e.Grantee, Grantable: grantable, Revoked: revoked, Pos: pos(e)})
	})
	SortDefaultPrivileges(out)
	return out
}
