package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	pgq "github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// rangeSteps plans the changes of range types and collations; ok is
// false for other changes. Both are catalog objects that no table's lock
// guards: creating and dropping them locks nothing the application uses.
// They share rankType with the other types and functions, ordered by
// their dependencies: a collation before the domains, attributes and
// range types that use it, a range type after its subtype, collation and
// functions; drops the other way round.
func (p *postgres) rangeSteps(c diff.Change) (steps []Step, ok bool) {
	switch c := c.(type) {
	case diff.CreateCollation:
		s := withReverse(step(Expand, rankType, c, "create collation "+c.Collation.Name.String(),
			createCollation(c.Collation, true)+";", lockNone),
			fmt.Sprintf("DROP COLLATION IF EXISTS %s;", qn(c.Collation.Name)))
		return []Step{collationKeys(s, c.Collation)}, true
	case diff.DropCollation:
		s := step(Contract, rankDropType, c, "drop collation "+c.Collation.Name.String(),
			fmt.Sprintf("DROP COLLATION IF EXISTS %s;", qn(c.Collation.Name)), lockNone)
		s.provides = []string{dropKey(collationRef(c.Collation.Name))}
		return []Step{s}, true
	case diff.ReplaceCollation:
		// Nothing uses the collation (the diff says so otherwise). The DO
		// block is one transaction, and runs only while the catalog does
		// not hold the new definition: a re-run never drops the collation
		// under what the plan has made use it since.
		s := step(Expand, rankType, c, fmt.Sprintf("create collation %s again as %s (nothing uses it)", c.To.Name, c.To.Definition),
			doIfBlock("NOT "+collationIs(c.To), "DROP COLLATION IF EXISTS "+qn(c.From.Name), createCollation(c.To, false)), lockNone)
		return []Step{collationKeys(s, c.To)}, true
	case diff.CreateRangeType:
		s := withReverse(step(Expand, rankType, c, "create range type "+c.Type.Name.String(),
			doIf(fmt.Sprintf("to_regtype(%s) IS NULL", lit(qn(c.Type.Name))), createRange(c.Type)), lockNone),
			fmt.Sprintf("DROP TYPE IF EXISTS %s;", qn(c.Type.Name)))
		return []Step{rangeKeys(s, c.Type)}, true
	case diff.DropRangeType:
		// DROP TYPE takes the multirange type with it.
		s := step(Contract, rankDropType, c, "drop range type "+c.Type.Name.String(),
			fmt.Sprintf("DROP TYPE IF EXISTS %s;", qn(c.Type.Name)), lockNone)
		s.provides = []string{dropKey(typeRef(c.Type.Name)), dropKey(typeRef(c.Type.Multirange))}
		for _, r := range c.Type.Deps {
			s.before = append(s.before, dropKey(r))
		}
		return []Step{s}, true
	case diff.ReplaceRangeType:
		// Nothing uses the type (the diff says so otherwise); as for a
		// collation, the block runs only until the new definition is in.
		s := step(Expand, rankType, c, fmt.Sprintf("create range type %s again as (%s) (nothing uses it)", c.To.Name, c.To.Definition),
			doIfBlock("NOT "+rangeIs(c.To), "DROP TYPE IF EXISTS "+qn(c.From.Name), createRange(c.To)), lockNone)
		return []Step{rangeKeys(s, c.To)}, true
	}
	return nil, false
}

func collationRef(n schema.Name) schema.Ref { return schema.Ref{Kind: "collation", Name: n} }

func collationKeys(s Step, c *schema.Collation) Step {
	s.provides = []string{depKey(collationRef(c.Name))}
	return s
}

func rangeKeys(s Step, r *schema.RangeType) Step {
	s.provides = []string{depKey(typeRef(r.Name)), depKey(typeRef(r.Multirange))}
	for _, d := range r.Deps {
		s.needs = append(s.needs, depKey(d))
	}
	return s
}

// createCollation is the CREATE COLLATION statement, without its
// terminator; IF NOT EXISTS makes it re-runnable on its own.
func createCollation(c *schema.Collation, ifNotExists bool) string {
	ine := ""
	if ifNotExists {
		ine = "IF NOT EXISTS "
	}
	return fmt.Sprintf("CREATE COLLATION %s%s (%s)", ine, qn(c.Name), c.Definition)
}

// createRange is the CREATE TYPE ... AS RANGE statement, without its
// terminator.
func createRange(r *schema.RangeType) string {
	return fmt.Sprintf("CREATE TYPE %s AS RANGE (%s)", qn(r.Name), r.Definition)
}

// collationIs is a condition that holds when the catalog has collation c
// as defined. Columns that not every version has are read through
// to_jsonb: the ICU locale is colliculocale up to PostgreSQL 16 and
// colllocale since 17, ICU rules exist since 16.
func collationIs(c *schema.Collation) string {
	cond := []string{
		fmt.Sprintf("c.oid = to_regcollation(%s)", lit(qn(c.Name))),
		fmt.Sprintf("c.collprovider = %s", lit(c.Provider[:1])),
		fmt.Sprintf("c.collisdeterministic = %t", c.Deterministic),
	}
	switch {
	case c.Provider != "libc":
		cond = append(cond, fmt.Sprintf("coalesce(to_jsonb(c) ->> 'colllocale', to_jsonb(c) ->> 'colliculocale') = %s", lit(c.Locale)))
	case c.Locale != "":
		cond = append(cond, fmt.Sprintf("c.collcollate = %s AND c.collctype = %s", lit(c.Locale), lit(c.Locale)))
	default:
		cond = append(cond, fmt.Sprintf("c.collcollate = %s AND c.collctype = %s", lit(c.LcCollate), lit(c.LcCtype)))
	}
	if c.Rules == "" {
		cond = append(cond, "(to_jsonb(c) ->> 'collicurules') IS NULL")
	} else {
		cond = append(cond, "(to_jsonb(c) ->> 'collicurules') = "+lit(c.Rules))
	}
	return "EXISTS (SELECT FROM pg_catalog.pg_collation c WHERE " + strings.Join(cond, " AND ") + ")"
}

// rangeIs is a condition that holds when the catalog has range type r as
// defined.
func rangeIs(r *schema.RangeType) string {
	cond := []string{
		fmt.Sprintf("r.rngtypid = to_regtype(%s)", lit(qn(r.Name))),
		fmt.Sprintf("r.rngsubtype = to_regtype(%s)", lit(pgq.TypeSQL(r.Subtype))),
		fmt.Sprintf("r.rngmultitypid = to_regtype(%s)", lit(qn(r.Multirange))),
	}
	if r.Collation == "" {
		cond = append(cond, "r.rngcollation = (SELECT typcollation FROM pg_catalog.pg_type WHERE oid = r.rngsubtype)")
	} else {
		cond = append(cond, fmt.Sprintf("r.rngcollation = to_regcollation(%s)", lit(pgq.QuoteDotted(r.Collation))))
	}
	if r.Opclass == "" {
		cond = append(cond, "(SELECT opcdefault FROM pg_catalog.pg_opclass WHERE oid = r.rngsubopc)")
	} else {
		ns, name, ok := strings.Cut(r.Opclass, ".")
		if !ok {
			ns, name = "pg_catalog", r.Opclass
		}
		cond = append(cond, fmt.Sprintf("r.rngsubopc = (SELECT o.oid FROM pg_catalog.pg_opclass o JOIN pg_catalog.pg_namespace n ON n.oid = o.opcnamespace WHERE o.opcmethod = 403 AND n.nspname = %s AND o.opcname = %s)", lit(ns), lit(name)))
	}
	cond = append(cond, regprocIs("r.rngcanonical", r.Canonical), regprocIs("r.rngsubdiff", r.SubtypeDiff))
	return "EXISTS (SELECT FROM pg_catalog.pg_range r WHERE " + strings.Join(cond, " AND ") + ")"
}

// regprocIs compares a function column of pg_range with a function name
// ("" for none).
func regprocIs(col, f string) string {
	if f == "" {
		return col + " = 0"
	}
	return fmt.Sprintf("%s = to_regproc(%s)", col, lit(pgq.QuoteDotted(f)))
}
