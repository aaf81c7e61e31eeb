package rules

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// The row-level security rules. Policies decide which rows a role sees and
// writes only while the table has row-level security enabled, and never
// for the table's owner unless it is forced, nor for superusers and roles
// with BYPASSRLS.

// rowLevelSecurityEnabled is ZD124.
var rowLevelSecurityEnabled = &Rule{
	ID: "ZD124", Name: "row-level-security-enabled", Severity: Warning,
	Summary: "row-level security enabled or forced on an existing table",
	Why: "Once ENABLE ROW LEVEL SECURITY runs, every role but the table's owner (and superusers and BYPASSRLS " +
		"roles) sees and writes only the rows a policy allows; for a command no permissive policy covers, it sees " +
		"none, and its queries silently return fewer rows instead of failing. FORCE ROW LEVEL SECURITY extends " +
		"this to the owner, which is often the role the application connects as. The old application version " +
		"was written for a table without these limits.",
	Safe: "Create the policies first, in the same expand phase (zdplan orders them before the switch), check " +
		"that every role the old version connects as is granted the rows it needs, and only then enable; force " +
		"only once the owner's queries are covered by policies too.",
	Unsafe:   "ALTER TABLE documents ENABLE ROW LEVEL SECURITY; -- before any policy exists",
	Planned:  "expand, after the table's new policies: ALTER TABLE ... ENABLE ROW LEVEL SECURITY (ACCESS EXCLUSIVE, brief), with this finding",
	SeeAlso:  []string{"PostgreSQL docs: Row Security Policies"},
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		Each(p, func(c diff.SetRowSecurity) {
			if c.From == nil {
				return // a new table: no application reads it yet
			}
			enabled := c.Table.RowSecurity && !c.From.RowSecurity
			forced := c.Table.RowSecurity && c.Table.ForceRowSecurity && !(c.From.RowSecurity && c.From.ForceRowSecurity)
			if !enabled && !forced {
				return
			}
			what, who := "row-level security is enabled", "roles other than its owner"
			if forced {
				what, who = "row-level security is forced", "every role but superusers and BYPASSRLS roles, its owner included,"
			}
			if !hasPermissivePolicy(p.Diff.To, c.Table.Name) {
				p.Report(c.Object(), c.Pos(), false, "%s on %s, which has no permissive policy: %s will see no row of it", what, c.Object(), who)
				return
			}
			p.Report(c.Object(), c.Pos(), false, "%s on %s: %s see only the rows its policies allow", what, c.Object(), who)
		})
	},
}

// policyChanged is ZD125.
var policyChanged = &Rule{
	ID: "ZD125", Name: "policy-changed", Severity: Warning,
	Summary: "policy dropped, changed or made restrictive, or row-level security disabled, on a table under row-level security",
	Why: "On a table with row-level security enabled, its policies are the access rules of every role they " +
		"apply to. Dropping a permissive policy, narrowing its USING or WITH CHECK, or adding a restrictive one " +
		"takes rows away from roles the old application version uses: its queries return fewer rows and its " +
		"writes fail the check. Dropping a restrictive policy, widening one, or disabling row-level security " +
		"exposes rows that were hidden. Neither shows as an error until the data is wrong.",
	Safe: "Review the policy's old and new definition with the roles the application connects as; narrow access " +
		"only once the old version is retired (write the narrowing in a later release), and widen it on purpose.",
	Unsafe:   "DROP POLICY tenant_isolation ON documents;",
	Planned:  "ALTER POLICY in place (expand) where PostgreSQL allows it, else DROP and CREATE POLICY in one transaction; a dropped policy in contract; this finding",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		// Policies only act while row-level security is enabled.
		guarded := func(table schema.Name) bool {
			t := p.Diff.From.Table(table)
			return t != nil && t.RowSecurity
		}
		for _, c := range p.Diff.Changes {
			switch c := c.(type) {
			case diff.CreatePolicy:
				if !c.Policy.Permissive && guarded(c.Policy.Table) {
					p.Report(c.Object(), c.Pos(), false, "restrictive policy %s is added to %s: every role it applies to loses the rows it does not allow", c.Policy.Name, c.Policy.Table)
				}
			case diff.AlterPolicy:
				if guarded(c.To.Table) {
					p.Report(c.Object(), c.Pos(), false, "policy %s on %s changes its roles or expressions: rows the old version reads or writes may be denied or exposed", c.To.Name, c.To.Table)
				}
			case diff.ReplacePolicy:
				if guarded(c.To.Table) {
					p.Report(c.Object(), c.Pos(), false, "policy %s on %s changes from %s to %s: rows the old version reads or writes may be denied or exposed",
						c.To.Name, c.To.Table, policyShape(c.From), policyShape(c.To))
				}
			case diff.DropPolicy:
				if guarded(c.Policy.Table) {
					what := "the roles it applies to lose the rows it granted"
					if !c.Policy.Permissive {
						what = "the rows it kept from its roles become visible to them"
					}
					p.Report(c.Object(), c.Pos(), false, "policy %s on %s is dropped: %s", c.Policy.Name, c.Policy.Table, what)
				}
			case diff.SetRowSecurity:
				if c.From != nil && c.From.RowSecurity && !c.Table.RowSecurity {
					p.Report(c.Object(), c.Pos(), false, "row-level security is disabled on %s: every role with table privileges sees and writes every row, whatever its policies say", c.Object())
				}
			}
		}
	},
}

// policyShape names a policy's kind and the expressions it has.
func policyShape(p *schema.Policy) string {
	kind := "RESTRICTIVE"
	if p.Permissive {
		kind = "PERMISSIVE"
	}
	var exprs []string
	if p.Using != nil {
		exprs = append(exprs, "USING")
	}
	if p.Check != nil {
		exprs = append(exprs, "WITH CHECK")
	}
	return fmt.Sprintf("%s FOR %s (%s)", kind, p.Command, strings.Join(exprs, ", "))
}

func hasPermissivePolicy(s *schema.Schema, table schema.Name) bool {
	for _, p := range s.Policies {
		if p.Table == table && p.Permissive {
			return true
		}
	}
	return false
}
