package diff

import (
	"fmt"
	"slices"

	"github.com/zdplan/zdplan/schema"
)

// This file diffs row-level security: policies and the ENABLE/FORCE ROW
// LEVEL SECURITY switches of tables.

// CreatePolicy creates a row-level security policy.
type CreatePolicy struct{ Policy *schema.Policy }

// AlterPolicy changes what ALTER POLICY can change in place: the roles,
// the USING and the WITH CHECK expression (set, not removed).
type AlterPolicy struct{ From, To *schema.Policy }

// ReplacePolicy changes what ALTER POLICY cannot: the command, PERMISSIVE
// or RESTRICTIVE, or the removal of an expression. The policy is dropped
// and created again in one transaction, so that no query runs without it.
type ReplacePolicy struct{ From, To *schema.Policy }

// DropPolicy drops a policy of a table that stays.
type DropPolicy struct{ Policy *schema.Policy }

// SetRowSecurity changes a table's ENABLE and FORCE ROW LEVEL SECURITY
// settings to those of Table; From is the table in CURRENT, nil for a table
// this diff creates.
type SetRowSecurity struct {
	Table *schema.Table
	From  *schema.Table
}

func (CreatePolicy) Kind() string   { return "CreatePolicy" }
func (AlterPolicy) Kind() string    { return "AlterPolicy" }
func (ReplacePolicy) Kind() string  { return "ReplacePolicy" }
func (DropPolicy) Kind() string     { return "DropPolicy" }
func (SetRowSecurity) Kind() string { return "SetRowSecurity" }

func policyName(p *schema.Policy) string { return p.Table.String() + "." + p.Name }

func (c CreatePolicy) Object() string   { return policyName(c.Policy) }
func (c AlterPolicy) Object() string    { return policyName(c.To) }
func (c ReplacePolicy) Object() string  { return policyName(c.To) }
func (c DropPolicy) Object() string     { return policyName(c.Policy) }
func (c SetRowSecurity) Object() string { return c.Table.Name.String() }

func (c CreatePolicy) Pos() schema.Pos   { return c.Policy.Pos }
func (c AlterPolicy) Pos() schema.Pos    { return c.To.Pos }
func (c ReplacePolicy) Pos() schema.Pos  { return c.To.Pos }
func (c DropPolicy) Pos() schema.Pos     { return c.Policy.Pos }
func (c SetRowSecurity) Pos() schema.Pos { return c.Table.Pos }

// findPolicy returns the named policy of a table, or nil.
func findPolicy(ps []*schema.Policy, table schema.Name, name string) *schema.Policy {
	for _, p := range ps {
		if p.Table == table && p.Name == name {
			return p
		}
	}
	return nil
}

// PolicyEqual reports whether two policies have the same definition,
// comments aside.
func PolicyEqual(a, b *schema.Policy) bool {
	return a.Name == b.Name && a.Table == b.Table && a.Permissive == b.Permissive && a.Command == b.Command &&
		slices.Equal(a.Roles, b.Roles) && a.Using.Equal(b.Using) && a.Check.Equal(b.Check)
}

// PolicyAlterable reports whether ALTER POLICY can turn from into to:
// it changes roles and expressions, but neither the command nor the
// kind, and it cannot take an expression away.
func PolicyAlterable(from, to *schema.Policy) bool {
	return from.Permissive == to.Permissive && from.Command == to.Command &&
		(from.Using == nil || to.Using != nil) && (from.Check == nil || to.Check != nil)
}

// policies diffs the policies of tables and their row-level security.
// Policies of a dropped table go with it.
func (d *differ) policies() {
	for _, p := range d.to.Policies {
		old := findPolicy(d.from.Policies, p.Table, p.Name)
		switch {
		case old == nil:
			d.add(CreatePolicy{p})
		case PolicyEqual(old, p):
		case PolicyAlterable(old, p):
			d.add(AlterPolicy{From: old, To: p})
		default:
			d.add(ReplacePolicy{From: old, To: p})
		}
	}
	for _, p := range d.from.Policies {
		if d.to.Table(p.Table) != nil && findPolicy(d.to.Policies, p.Table, p.Name) == nil {
			d.add(DropPolicy{p})
		}
	}
	for _, t := range d.to.Tables {
		old := d.from.Table(t.Name)
		if old == nil && (t.RowSecurity || t.ForceRowSecurity) ||
			old != nil && (old.RowSecurity != t.RowSecurity || old.ForceRowSecurity != t.ForceRowSecurity) {
			d.add(SetRowSecurity{Table: t, From: old})
		}
	}
}

// policyRecreated reports whether the diff creates the policy afresh, so
// that it has lost any comment.
func (d *differ) policyRecreated(p *schema.Policy) bool {
	old := findPolicy(d.from.Policies, p.Table, p.Name)
	return old == nil || (!PolicyEqual(old, p) && !PolicyAlterable(old, p))
}

// renamePolicies returns copies of policies on the tables that rename
// maps to new names.
func renamePolicies(ps []*schema.Policy, rename func(schema.Name) schema.Name) []*schema.Policy {
	var out []*schema.Policy
	for _, p := range ps {
		n := *p
		n.Table = rename(p.Table)
		out = append(out, &n)
	}
	return out
}

func clonePolicies(ps []*schema.Policy) []*schema.Policy {
	return renamePolicies(ps, func(n schema.Name) schema.Name { return n })
}

// applySecurity applies the changes of this file; it reports whether c
// was one of them.
func (a *applier) applySecurity(c Change) (bool, error) {
	s := a.s
	same := func(p *schema.Policy) func(*schema.Policy) bool {
		return func(o *schema.Policy) bool { return o.Table == p.Table && o.Name == p.Name }
	}
	switch c := c.(type) {
	case CreatePolicy:
		if slices.ContainsFunc(s.Policies, same(c.Policy)) {
			return true, fmt.Errorf("policy exists")
		}
		p := *c.Policy
		s.Policies = append(s.Policies, &p)
	case AlterPolicy, ReplacePolicy:
		from, to := c.(interface {
			policies() (from, to *schema.Policy)
		}).policies()
		i := slices.IndexFunc(s.Policies, same(from))
		if i < 0 {
			return true, fmt.Errorf("no policy")
		}
		p := *to
		// ALTER POLICY keeps the comment; a policy created again has none
		// until a SetComment gives it back.
		if _, alter := c.(AlterPolicy); alter {
			p.Comment = s.Policies[i].Comment
		} else {
			p.Comment = ""
		}
		s.Policies[i] = &p
	case DropPolicy:
		return true, remove(&s.Policies, same(c.Policy))
	case SetRowSecurity:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return true, err
		}
		t.RowSecurity, t.ForceRowSecurity = c.Table.RowSecurity, c.Table.ForceRowSecurity
	default:
		return false, nil
	}
	return true, nil
}

func (c AlterPolicy) policies() (from, to *schema.Policy)   { return c.From, c.To }
func (c ReplacePolicy) policies() (from, to *schema.Policy) { return c.From, c.To }

// dropPoliciesOn removes the policies of a dropped table, which the
// database drops with it.
func (a *applier) dropPoliciesOn(table schema.Name) {
	a.s.Policies = slices.DeleteFunc(a.s.Policies, func(p *schema.Policy) bool { return p.Table == table })
}

// renamePoliciesOn moves the policies of a renamed table to its new name.
func (a *applier) renamePoliciesOn(from, to schema.Name) {
	for i, p := range a.s.Policies {
		if p.Table == from {
			n := *p
			n.Table = to
			a.s.Policies[i] = &n
		}
	}
}
