package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// This file plans row-level security (policies; ENABLE and FORCE ROW
// LEVEL SECURITY) and the comments on indexes, constraints, sequences,
// policies, enum types and view columns.
//
// CREATE, ALTER and DROP POLICY and ALTER TABLE ... ROW LEVEL SECURITY
// take an ACCESS EXCLUSIVE lock on the table, for a catalog change only:
// brief, but queued behind long transactions, hence lock_timeout.

const lockPolicy = "ACCESS EXCLUSIVE (brief, catalog only)"

// securitySteps plans the changes of this file; ok is false for others.
func (p *postgres) securitySteps(c diff.Change) (steps []Step, ok bool) {
	switch c := c.(type) {
	case diff.CreatePolicy:
		pol := c.Policy
		s := step(Expand, rankPolicy, c, fmt.Sprintf("create %s policy %s on %s", policyKind(pol), pol.Name, pol.Table),
			doIf("NOT "+policyExists(pol), strings.TrimSuffix(createPolicySQL(pol), ";")), lockPolicy)
		return []Step{withReverse(s, dropPolicySQL(pol))}, true
	case diff.AlterPolicy:
		return []Step{step(Expand, rankPolicy, c, fmt.Sprintf("alter policy %s on %s in place", c.To.Name, c.To.Table),
			alterPolicySQL(c.To), lockPolicy)}, true
	case diff.ReplacePolicy:
		// ALTER POLICY cannot change the command or the kind: drop and
		// create in one transaction, so that no query sees the table
		// without the policy.
		s := step(Expand, rankPolicy, c, fmt.Sprintf("replace policy %s on %s in one transaction (%s)", c.To.Name, c.To.Table, replaceReason(c.From, c.To)),
			"BEGIN;\n"+dropPolicySQL(c.From)+"\n"+createPolicySQL(c.To)+"\nCOMMIT;", lockPolicy+" until commit")
		s.Transactional = false
		return []Step{s}, true
	case diff.DropPolicy:
		pol := c.Policy
		return []Step{step(Contract, rankDropPolicy, c, fmt.Sprintf("drop policy %s on %s (the old version may rely on the rows it grants)", pol.Name, pol.Table),
			dropPolicySQL(pol), lockPolicy)}, true
	case diff.SetRowSecurity:
		return []Step{p.rowSecurity(c)}, true
	case diff.SetComment:
		switch c.On {
		case "INDEX", "CONSTRAINT", "POLICY", "SEQUENCE", "TYPE":
		case "COLUMN":
			if p.d.To.View(c.Name) == nil {
				return nil, false
			}
		default:
			return nil, false
		}
		ph, rank := p.commentPlace(c)
		return []Step{step(ph, rank, c, fmt.Sprintf("comment on %s %s", strings.ToLower(c.On), c.Object()),
			objectCommentSQL(c), "SHARE UPDATE EXCLUSIVE (brief)")}, true
	}
	return nil, false
}

// rowSecurity switches row-level security in expand, after the table's
// new policies exist: enabled before them, the table would show no row to
// roles other than its owner in between. Disabling (and NO FORCE) only
// lets more through, which the old version does not notice.
func (p *postgres) rowSecurity(c diff.SetRowSecurity) Step {
	t := c.Table
	var on, off []string
	var from schema.Table
	if c.From != nil {
		from = *c.From
	}
	if t.RowSecurity != from.RowSecurity {
		on = append(on, enableWord(t.RowSecurity)+" ROW LEVEL SECURITY")
		off = append(off, enableWord(from.RowSecurity)+" ROW LEVEL SECURITY")
	}
	if t.ForceRowSecurity != from.ForceRowSecurity {
		on = append(on, forceWord(t.ForceRowSecurity)+" ROW LEVEL SECURITY")
		off = append(off, forceWord(from.ForceRowSecurity)+" ROW LEVEL SECURITY")
	}
	summary := fmt.Sprintf("%s on %s", strings.ToLower(strings.Join(on, ", ")), t.Name)
	s := step(Expand, rankRowSecurity, c, summary,
		fmt.Sprintf("ALTER TABLE %s %s;", qn(t.Name), strings.Join(on, ", ")), lockPolicy)
	if c.From != nil {
		s.Reverse = fmt.Sprintf("ALTER TABLE IF EXISTS %s %s;", qn(t.Name), strings.Join(off, ", "))
	}
	return s
}

// replaceReason says why ALTER POLICY cannot do a policy's change.
func replaceReason(from, to *schema.Policy) string {
	switch {
	case from.Command != to.Command:
		return fmt.Sprintf("its command changes from %s to %s", from.Command, to.Command)
	case from.Permissive != to.Permissive:
		return fmt.Sprintf("it changes from %s to %s", policyKind(from), policyKind(to))
	case from.Using != nil && to.Using == nil:
		return "it loses its USING expression, which ALTER POLICY cannot remove"
	}
	return "it loses its WITH CHECK expression, which ALTER POLICY cannot remove"
}

func enableWord(on bool) string {
	if on {
		return "ENABLE"
	}
	return "DISABLE"
}

func forceWord(on bool) string {
	if on {
		return "FORCE"
	}
	return "NO FORCE"
}

func policyKind(p *schema.Policy) string {
	if p.Permissive {
		return "permissive"
	}
	return "restrictive"
}

func policyExists(p *schema.Policy) string {
	return fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_policy WHERE polrelid = %s AND polname = %s)", regclass(p.Table), lit(p.Name))
}

// roleList renders a policy's roles for TO: the keywords bare, role names
// quoted where they need it.
func roleList(roles []string) string {
	var out []string
	for _, r := range roles {
		switch r {
		case "public", "current_user", "current_role", "session_user":
			out = append(out, strings.ToUpper(r))
		default:
			out = append(out, qi(r))
		}
	}
	return strings.Join(out, ", ")
}

func policyExprs(p *schema.Policy) string {
	var b strings.Builder
	if p.Using != nil {
		fmt.Fprintf(&b, " USING (%s)", p.Using.SQL)
	}
	if p.Check != nil {
		fmt.Fprintf(&b, " WITH CHECK (%s)", p.Check.SQL)
	}
	return b.String()
}

func createPolicySQL(p *schema.Policy) string {
	return fmt.Sprintf("CREATE POLICY %s ON %s AS %s FOR %s TO %s%s;",
		qi(p.Name), qn(p.Table), strings.ToUpper(policyKind(p)), p.Command, roleList(p.Roles), policyExprs(p))
}

func alterPolicySQL(p *schema.Policy) string {
	return fmt.Sprintf("ALTER POLICY %s ON %s TO %s%s;", qi(p.Name), qn(p.Table), roleList(p.Roles), policyExprs(p))
}

func dropPolicySQL(p *schema.Policy) string {
	return fmt.Sprintf("DROP POLICY IF EXISTS %s ON %s;", qi(p.Name), qn(p.Table))
}

func objectCommentSQL(c diff.SetComment) string {
	text := "NULL"
	if c.Comment != "" {
		text = lit(c.Comment)
	}
	target := qn(c.Name)
	switch c.On {
	case "CONSTRAINT", "POLICY":
		target = qi(c.Column) + " ON " + qn(c.Name)
	case "COLUMN":
		target += "." + qi(c.Column)
	}
	return fmt.Sprintf("COMMENT ON %s %s IS %s;", c.On, target, text)
}

// commentPlace is where a comment goes: after the steps that create its
// index or constraint, which may come as late as contract (a unique index
// on columns the old version writes, a constraint swapped for its new
// definition), or with the other comments in expand.
func (p *postgres) commentPlace(c diff.SetComment) (Phase, int) {
	ph, rank := Expand, rankComment
	for _, ch := range p.d.Changes {
		var creates bool
		switch x := ch.(type) {
		case diff.AddIndex:
			creates = c.On == "INDEX" && x.Index.Name == c.Name
		case diff.ReplaceIndex:
			creates = c.On == "INDEX" && x.To.Name == c.Name
		case diff.AddConstraint:
			creates = c.On == "CONSTRAINT" && x.Table.Name == c.Name && x.Constraint.Name == c.Column
		case diff.ReplaceConstraint:
			creates = c.On == "CONSTRAINT" && x.Table.Name == c.Name && x.To.Name == c.Column
		}
		if !creates {
			continue
		}
		for _, s := range p.steps(ch) {
			if s.Phase > ph {
				ph, rank = s.Phase, tighten(s.Phase, rankComment)
			}
			if s.Phase == ph && s.rank > rank {
				rank = s.rank
			}
		}
	}
	return ph, rank
}
