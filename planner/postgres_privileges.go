package planner

import (
	"fmt"
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
		return "routine"
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

// columnACL lists the privileges DESIRED gives on a column, grouped by
// grantee and grant option, as GRANT statements on column name as.
func (p *postgres) columnACL(table schema.Name, column, as string) []string {
	return tableACL(p.d.To, schema.Ref{Kind: "table", Name: table}, column, schema.Ref{Kind: "table", Name: table}, as)
}

// tableACL renders as GRANT statements the privileges s gives on object
// from (only those of column when column is set, then granted on column
// as of object to).
func tableACL(s *schema.Schema, from schema.Ref, column string, to schema.Ref, as string) []string {
	type group struct {
		column, grantee string
		option          bool
	}
	acl := schema.ACLs(s.Privileges)[from]
	privs := map[group][]string{}
	var order []group
	for _, e := range acl.Entries(from, func(schema.ACLKey) schema.Pos { return schema.Pos{} }) {
		if e.Revoked || (column != "" && e.Column != column) {
			continue
		}
		col := e.Column
		if column != "" {
			col = as
		}
		g := group{col, e.Grantee, e.Grantable}
		if privs[g] == nil {
			order = append(order, g)
		}
		privs[g] = append(privs[g], e.Privilege)
	}
	var out []string
	for _, g := range order {
		out = append(out, strings.TrimSuffix(grantSQL(to, g.column, g.grantee, privs[g], g.option), ";"))
	}
	return out
}

// shadowColumnACL grants the shadow column of a type change the
// privileges DESIRED gives the column, in expand: the swap in contract
// drops the old column with its privileges and renames the shadow, which
// keeps its own.
func (p *postgres) shadowColumnACL(c diff.AlterColumnType, addName string) []Step {
	var steps []Step
	for _, sql := range p.columnACL(c.Table.Name, c.To.Name, addName) {
		s := step(Expand, rankGrant, c, fmt.Sprintf("grant the privileges on %s to its shadow column %s, which takes its place in contract", c.Object(), addName), sql+";", lockACL)
		steps = append(steps, s)
	}
	return steps
}

// compatViewACL grants the view a renamed table leaves under its old name
// what the old version's roles held on the table, so that they keep
// reading and writing through it.
func (p *postgres) compatViewACL(c diff.RenameTable) []string {
	// The diff's CURRENT has the table's privileges under its new name.
	return tableACL(p.d.From, schema.Ref{Kind: "table", Name: c.To.Name}, "", schema.Ref{Kind: "view", Name: c.From.Name}, "")
}
