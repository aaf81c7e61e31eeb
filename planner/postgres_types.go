package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	pgq "github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// Locks of ALTER DOMAIN.
const (
	lockDomainBrief = "brief lock on the domain (catalog only)"
	// Checking a domain's values (ADD CONSTRAINT without NOT VALID,
	// VALIDATE CONSTRAINT, SET NOT NULL) reads every table with a column
	// of the domain under a SHARE lock: reads go on, writes wait.
	lockDomainScan = "SHARE on every table with a column of the domain, while it reads their rows (writes wait)"
)

func typeRef(n schema.Name) schema.Ref { return schema.Ref{Kind: "type", Name: n} }

// typeSteps plans the changes of user-defined types other than enums; ok
// is false for other changes.
func (p *postgres) typeSteps(c diff.Change) (steps []Step, ok bool) {
	switch c := c.(type) {
	case diff.CreateDomain:
		s := withReverse(step(Expand, rankType, c, "create domain "+c.Domain.Name.String(),
			doIf(fmt.Sprintf("to_regtype(%s) IS NULL", lit(qn(c.Domain.Name))), createDomain(c.Domain)), lockNone),
			fmt.Sprintf("DROP DOMAIN IF EXISTS %s;", qn(c.Domain.Name)))
		return []Step{domainDeps(s, c.Domain)}, true
	case diff.DropDomain:
		s := step(Contract, rankDropType, c, "drop domain "+c.Domain.Name.String(),
			fmt.Sprintf("DROP DOMAIN IF EXISTS %s;", qn(c.Domain.Name)), lockNone)
		s.provides = []string{dropKey(typeRef(c.Domain.Name))}
		for _, r := range c.Domain.Deps {
			s.before = append(s.before, dropKey(r))
		}
		return []Step{s}, true
	case diff.ReplaceDomain:
		// Nothing uses the domain (the diff says so otherwise), so it can
		// go and come back in one transaction.
		s := step(Expand, rankType, c, fmt.Sprintf("create domain %s again over %s (nothing uses it)", c.To.Name, c.To.Type),
			fmt.Sprintf("BEGIN;\nDROP DOMAIN IF EXISTS %s;\n%s;\nCOMMIT;", qn(c.From.Name), createDomain(c.To)), lockNone)
		s.Transactional = false
		return []Step{domainDeps(s, c.To)}, true
	case diff.SetDomainDefault:
		return []Step{step(Expand, rankType, c, "set default of domain "+c.To.Name.String(),
			fmt.Sprintf("ALTER DOMAIN %s SET DEFAULT %s;", qn(c.To.Name), defaultSQL(c.To.Default)), lockDomainBrief)}, true
	case diff.DropDomainDefault:
		// The old version may insert rows relying on the default.
		return []Step{step(Contract, rankDropConstraint, c, fmt.Sprintf("drop default of domain %s (the old version may rely on it)", c.Domain.Name),
			fmt.Sprintf("ALTER DOMAIN %s DROP DEFAULT;", qn(c.Domain.Name)), lockDomainBrief)}, true
	case diff.DropDomainNotNull:
		return []Step{step(Expand, rankLoosen, c, "allow NULL in domain "+c.Domain.Name.String(),
			fmt.Sprintf("ALTER DOMAIN %s DROP NOT NULL;", qn(c.Domain.Name)), lockDomainBrief)}, true
	case diff.SetDomainNotNull:
		// The old version may still write NULL until it is retired.
		return []Step{step(Contract, tighten(Contract, rankSetNotNull), c, fmt.Sprintf("make domain %s NOT NULL (checks every column of the domain)", c.Domain.Name),
			fmt.Sprintf("ALTER DOMAIN %s SET NOT NULL;", qn(c.Domain.Name)), lockDomainScan)}, true
	case diff.AddDomainCheck:
		return p.addDomainCheck(c), true
	case diff.DropDomainCheck:
		return []Step{step(Expand, rankLoosen, c, fmt.Sprintf("drop CHECK %s of domain %s (loosening: safe for the old version)", c.Check.Name, c.Domain.Name),
			fmt.Sprintf("ALTER DOMAIN %s DROP CONSTRAINT IF EXISTS %s;", qn(c.Domain.Name), qi(c.Check.Name)), lockDomainBrief)}, true
	case diff.ValidateDomainCheck:
		return []Step{validateDomainCheck(c, Backfill, c.Domain, c.Check)}, true
	case diff.RenameDomainCheck:
		return []Step{step(Expand, rankRename, c, fmt.Sprintf("rename CHECK %s of domain %s to %s", c.From, c.Domain.Name, c.To),
			doIf(domainCheckExists(c.Domain.Name, c.From)+" AND NOT "+domainCheckExists(c.Domain.Name, c.To),
				fmt.Sprintf("ALTER DOMAIN %s RENAME CONSTRAINT %s TO %s", qn(c.Domain.Name), qi(c.From), qi(c.To))), lockDomainBrief)}, true
	}
	return nil, false
}

// domainDeps makes a step that creates d provide the domain and need what
// it uses.
func domainDeps(s Step, d *schema.Domain) Step {
	s.provides = []string{depKey(typeRef(d.Name))}
	for _, r := range d.Deps {
		s.needs = append(s.needs, depKey(r))
	}
	return s
}

// addDomainCheck adds a check NOT VALID, which checks new writes only,
// and validates it once nothing writes values it rejects: while the old
// version writes columns of the domain, both wait for contract.
func (p *postgres) addDomainCheck(c diff.AddDomainCheck) []Step {
	d, k := c.Domain, c.Check
	phase, validatePhase := Expand, Backfill
	why := "no column of CURRENT has the domain's type"
	switch {
	case c.Replace:
		// Added after the old version is retired, so that re-running
		// expand (which drops the old definition) never drops the new.
		phase, validatePhase = Contract, Contract
		why = "it replaces the old definition once the old version is retired"
	case len(diff.DomainUsers(p.d.From, d.Name)) > 0:
		phase, validatePhase = Contract, Contract
		why = "the old version writes columns of the domain"
	}
	add := step(phase, tighten(phase, rankNotValid), c, fmt.Sprintf("add CHECK %s to domain %s NOT VALID: checks new writes only (%s)", k.Name, d.Name, why),
		doIf("NOT "+domainCheckExists(d.Name, k.Name),
			fmt.Sprintf("ALTER DOMAIN %s ADD CONSTRAINT %s CHECK (%s) NOT VALID", qn(d.Name), qi(k.Name), k.Check.SQL)), lockDomainBrief)
	if phase == Expand {
		add.Reverse = fmt.Sprintf("ALTER DOMAIN %s DROP CONSTRAINT IF EXISTS %s;", qn(d.Name), qi(k.Name))
	}
	if k.NotValid {
		return []Step{add}
	}
	return []Step{add, validateDomainCheck(c, validatePhase, d, k)}
}

func validateDomainCheck(c diff.Change, ph Phase, d *schema.Domain, k *schema.DomainCheck) Step {
	return step(ph, tighten(ph, rankValidate), c, fmt.Sprintf("validate CHECK %s of domain %s against the rows of its columns", k.Name, d.Name),
		fmt.Sprintf("ALTER DOMAIN %s VALIDATE CONSTRAINT %s;", qn(d.Name), qi(k.Name)), lockDomainScan)
}

func domainCheckExists(d schema.Name, name string) string {
	return fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE contypid = %s::regtype AND conname = %s)", lit(qn(d)), lit(name))
}

// createDomain is the CREATE DOMAIN statement, without its terminator.
// Checks that DESIRED holds as NOT VALID are added as such: the domain is
// new, but the catalog must say what DESIRED says.
func createDomain(d *schema.Domain) string {
	var b strings.Builder
	fmt.Fprintf(&b, "CREATE DOMAIN %s AS %s", qn(d.Name), pgq.TypeSQL(d.Type))
	if d.Collation != "" {
		b.WriteString(" COLLATE " + pgq.QuoteDotted(d.Collation))
	}
	if d.Default != nil {
		b.WriteString(" DEFAULT " + defaultSQL(d.Default))
	}
	if d.NotNull {
		b.WriteString(" NOT NULL")
	}
	var later []string
	for _, k := range d.Checks {
		if k.NotValid {
			later = append(later, fmt.Sprintf("ALTER DOMAIN %s ADD CONSTRAINT %s CHECK (%s) NOT VALID", qn(d.Name), qi(k.Name), k.Check.SQL))
			continue
		}
		fmt.Fprintf(&b, " CONSTRAINT %s CHECK (%s)", qi(k.Name), k.Check.SQL)
	}
	for _, l := range later {
		b.WriteString(";\n    " + l)
	}
	return b.String()
}

// typeCommentTarget is the COMMENT ON target of a comment on a domain's
// constraint; ok is false for other objects.
func typeCommentTarget(c diff.SetComment) (string, bool) {
	if c.On == "CONSTRAINT ON DOMAIN" {
		return fmt.Sprintf("CONSTRAINT %s ON DOMAIN %s", qi(c.Column), qn(c.Name)), true
	}
	return "", false
}
