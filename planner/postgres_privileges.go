package planner

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// Privileges are planned by who needs them: a grant is additive and goes
// in expand, before the new application version is deployed, so that it
// never runs without what it needs; a revoke on an object the old version
// may be using goes in contract, once that version is retired (rule
// ZD126 flags it, since nothing tells whether the new version still needs
// it). Privileges on an object the plan creates are set right after it is
// created: nothing uses it yet. Those of a view the plan rebuilds are
// granted again in the rebuild's transaction, so that no query ever finds
// the view without them.

const lockACL = "none on the object (updates its catalog row)"

// aclTargetSQL is the object part of GRANT and REVOKE.
func aclTargetSQL(r schema.Ref) string {
	switch r.Kind {
	case "sequence":
		return "SEQUENCE " + qn(r.Name)
	case "function":
		// ROUTINE covers functions, procedures and aggregates alike.
		return fmt.Sprintf("ROUTINE %s(%s)", qn(r.Name), r.Args)
	case "schema":
		return "SCHEMA " + qi(r.Name.Name)
	case "type":
		return "TYPE " + qn(r.Name)
	}
	return "TABLE " + qn(r.Name)
}

func granteeSQL(g string) string {
	if g == schema.Public {
		return "PUBLIC"
	}
	return qi(g)
}

// privilegeListSQL lists privileges, each on the column when there is
// one: SELECT (a), UPDATE (a).
func privilegeListSQL(privs []string, column string) string {
	if column == "" {
		return strings.Join(privs, ", ")
	}
	out := make([]string, len(privs))
	for i, p := range privs {
		out[i] = fmt.Sprintf("%s (%s)", p, qi(column))
	}
	return strings.Join(out, ", ")
}

// GrantSQL is the GRANT statement of a change.
func GrantSQL(c diff.GrantPrivileges) string {
	return grantSQL(c.On, c.Column, c.Grantee, c.Privileges, c.GrantOption)
}

func grantSQL(on schema.Ref, column, grantee string, privs []string, option bool) string {
	s := fmt.Sprintf("GRANT %s ON %s TO %s", privilegeListSQL(privs, column), aclTargetSQL(on), granteeSQL(grantee))
	if option {
		s += " WITH GRANT OPTION"
	}
	return s + ";"
}

// RevokeSQL is the REVOKE statement of a change.
func RevokeSQL(c diff.RevokePrivileges) string {
	opt := ""
	if c.GrantOptionOnly {
		opt = "GRANT OPTION FOR "
	}
	return fmt.Sprintf("REVOKE %s%s ON %s FROM %s;", opt, privilegeListSQL(c.Privileges, c.Column), aclTargetSQL(c.On), granteeSQL(c.Grantee))
}

// DefaultPrivilegesSQL is the ALTER DEFAULT PRIVILEGES statement of a
// change.
func DefaultPrivilegesSQL(c diff.AlterDefaultPrivileges) string {
	var b strings.Builder
	b.WriteString("ALTER DEFAULT PRIVILEGES")
	if c.Role != "" {
		b.WriteString(" FOR ROLE " + qi(c.Role))
	}
	if c.Schema != "" {
		b.WriteString(" IN SCHEMA " + qi(c.Schema))
	}
	privs := strings.Join(c.Privileges, ", ")
	switch {
	case c.Grant:
		fmt.Fprintf(&b, " GRANT %s ON %s TO %s", privs, c.ObjectKind, granteeSQL(c.Grantee))
		if c.GrantOption {
			b.WriteString(" WITH GRANT OPTION")
		}
	case c.GrantOption:
		fmt.Fprintf(&b, " REVOKE GRANT OPTION FOR %s ON %s FROM %s", privs, c.ObjectKind, granteeSQL(c.Grantee))
	default:
		fmt.Fprintf(&b, " REVOKE %s ON %s FROM %s", privs, c.ObjectKind, granteeSQL(c.Grantee))
	}
	return b.String() + ";"
}

func aclKindName(r schema.Ref) string {
	switch r.Kind {
	case "function":
		return "routine "
	case "schema":
		return ""
	}
	return r.Kind + " "
}

// rebuiltView reports whether the plan rebuilds the view in finish.
func (p *postgres) rebuiltView(r schema.Ref) bool {
	if r.Kind != "view" {
		return false
	}
	for _, v := range p.views {
		if v.To.Name == r.Name {
			return true
		}
	}
	return false
}

// newObjectRank is where the privileges of an object the plan creates are
// set: those of a new table or sequence with the columns, before any sync
// trigger of the plan exists, since a trigger that copies rows into a new
// table runs as the role whose write fires it; the others (views,
// functions, types) after every object is created.
func newObjectRank(r schema.Ref) int {
	if r.Kind == "table" || r.Kind == "sequence" {
		return rankColumn
	}
	return rankGrant
}

func (p *postgres) privilegeSteps(c diff.Change) []Step {
	switch c := c.(type) {
	case diff.GrantPrivileges:
		sql := GrantSQL(c)
		if c.NewObject && p.rebuiltView(c.On) {
			p.viewACL = append(p.viewACL, sql)
			return nil
		}
		rank := rankGrant
		if c.NewObject {
			rank = newObjectRank(c.On)
		}
		return []Step{step(Expand, rank, c, fmt.Sprintf("grant %s on %s%s to %s (before the new version needs it)",
			privilegeListSQL(c.Privileges, c.Column), aclKindName(c.On), c.Object(), c.Grantee), sql, lockACL)}
	case diff.RevokePrivileges:
		sql := RevokeSQL(c)
		what := fmt.Sprintf("%s on %s%s from %s", privilegeListSQL(c.Privileges, c.Column), aclKindName(c.On), c.Object(), c.Grantee)
		if c.GrantOptionOnly {
			what = "the grant option of " + what
		}
		if c.NewObject {
			if p.rebuiltView(c.On) {
				p.viewACL = append(p.viewACL, sql)
				return nil
			}
			return []Step{step(Expand, newObjectRank(c.On), c, fmt.Sprintf("revoke %s, which the default privileges gave the new object", what), sql, lockACL)}
		}
		return []Step{step(Contract, rankRevoke, c, fmt.Sprintf("revoke %s (the old version may still use it)", what), sql, lockACL)}
	case diff.AlterDefaultPrivileges:
		if c.Grant {
			return []Step{step(Expand, rankGrant, c, "grant "+strings.Join(c.Privileges, ", ")+" on "+c.Object()+" to "+c.Grantee,
				DefaultPrivilegesSQL(c), lockNone)}
		}
		return []Step{step(Contract, rankRevoke, c, "revoke "+strings.Join(c.Privileges, ", ")+" from "+c.Grantee+" in the "+c.Object(),
			DefaultPrivilegesSQL(c), lockNone)}
	}
	return nil
}

// viewACLSQL is what the transaction that rebuilds views runs after
// creating them: their privileges, granted again.
func (p *postgres) viewACLSQL() string {
	if len(p.viewACL) == 0 {
		return ""
	}
	return strings.Join(p.viewACL, "\n") + "\n"
}

// aclStatements are the GRANT and REVOKE statements, without their
// semicolons, that turn ACL from of object on into ACL to, in a
// deterministic order: revokes first, then grants, by column and grantee.
func aclStatements(on schema.Ref, from, to schema.ACL) []string {
	type group struct {
		column, grantee string
		option          bool
	}
	var revokes, grants []group
	privs := map[bool]map[group][]string{false: {}, true: {}}
	put := func(grant bool, g group, priv string) {
		if privs[grant][g] == nil {
			if grant {
				grants = append(grants, g)
			} else {
				revokes = append(revokes, g)
			}
		}
		privs[grant][g] = append(privs[grant][g], priv)
	}
	for k, grantable := range from {
		if now, ok := to[k]; !ok || (grantable && !now) {
			put(false, group{k.Column, k.Grantee, ok}, k.Privilege)
		}
	}
	for k, grantable := range to {
		if had, ok := from[k]; !ok || (grantable && !had) {
			put(true, group{k.Column, k.Grantee, grantable}, k.Privilege)
		}
	}
	order := func(gs []group) {
		slices.SortFunc(gs, func(a, b group) int {
			return cmp.Or(cmp.Compare(a.column, b.column), cmp.Compare(a.grantee, b.grantee), cmp.Compare(fmt.Sprint(a.option), fmt.Sprint(b.option)))
		})
	}
	order(revokes)
	order(grants)
	var out []string
	for _, g := range revokes {
		p := privs[false][g]
		schema.PrivilegeOrder(on.Kind, g.column != "", p)
		out = append(out, strings.TrimSuffix(RevokeSQL(diff.RevokePrivileges{On: on, Column: g.column, Grantee: g.grantee, Privileges: p, GrantOptionOnly: g.option}), ";"))
	}
	for _, g := range grants {
		p := privs[true][g]
		schema.PrivilegeOrder(on.Kind, g.column != "", p)
		out = append(out, strings.TrimSuffix(grantSQL(on, g.column, g.grantee, p, g.option), ";"))
	}
	return out
}

// aclOf is an object's ACL in s.
func aclOf(s *schema.Schema, r schema.Ref) schema.ACL {
	if acl := schema.ACLs(s.Privileges)[r]; acl != nil {
		return acl
	}
	return schema.BuiltinACL(r)
}

// recreatedViewACL gives a view the plan drops and creates again around a
// change of the tables it reads the privileges DESIRED gives it, from
// those it gets when it is created.
func (p *postgres) recreatedViewACL(name schema.Name) []string {
	r := schema.Ref{Kind: "view", Name: name}
	return aclStatements(r, schema.CreationACL(r, p.d.From.DefaultPrivileges), aclOf(p.d.To, r))
}

// compatViewACL grants the view a renamed table leaves under its old name
// what the old version's roles held on the table, so that they keep
// reading and writing through it.
func (p *postgres) compatViewACL(c diff.RenameTable) []string {
	view := schema.Ref{Kind: "view", Name: c.From.Name}
	// The diff's CURRENT has the table's privileges under its new name.
	want := schema.ACL{}
	for k, v := range aclOf(p.d.From, schema.Ref{Kind: "table", Name: c.To.Name}) {
		want[k] = v
	}
	return aclStatements(view, schema.CreationACL(view, p.d.From.DefaultPrivileges), want)
}

// shadowColumnACL grants the shadow column of a type change the
// privileges DESIRED gives the column, in expand: the swap in contract
// drops the old column with its privileges and renames the shadow, which
// keeps its own.
func (p *postgres) shadowColumnACL(c diff.AlterColumnType, addName string) []Step {
	table := schema.Ref{Kind: "table", Name: c.Table.Name}
	want := schema.ACL{}
	for k, v := range aclOf(p.d.To, table) {
		if k.Column == c.To.Name {
			k.Column = addName
			want[k] = v
		}
	}
	var steps []Step
	for _, sql := range aclStatements(table, schema.ACL{}, want) {
		steps = append(steps, step(Expand, rankGrant, c, fmt.Sprintf("grant the privileges on %s to its shadow column %s, which takes its place in contract", c.Object(), addName), sql+";", lockACL))
	}
	return steps
}
