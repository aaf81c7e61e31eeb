package planner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// viewsAround is what it takes to change the column types of table while
// views read it, which PostgreSQL refuses: drop the views reading it
// (those reading them first) and create them again after, as DESIRED
// defines them, with their comments. Both are empty when no view reads
// the table. The diff lets a type change through only when every such
// view is a plain view that DESIRED keeps (see diff's viewInTheWay).
func (p *postgres) viewsAround(table schema.Name) (drop, create []string) {
	readers := p.d.From.ViewsReading(table)
	if len(readers) == 0 {
		return nil, nil
	}
	rebuilt := map[schema.Name]bool{}
	for i := len(readers) - 1; i >= 0; i-- {
		v := readers[i]
		rebuilt[v.Name] = true
		drop = append(drop, fmt.Sprintf("DROP %s IF EXISTS %s", strings.ToUpper(viewKind(v)), qn(v.Name)))
	}
	// DESIRED's definitions may read each other in another order.
	done := map[schema.Name]bool{}
	var visit func(v *schema.View)
	visit = func(v *schema.View) {
		if done[v.Name] {
			return
		}
		done[v.Name] = true
		for _, r := range v.Refs {
			if w := p.d.To.View(r); w != nil && rebuilt[r] {
				visit(w)
			}
		}
		create = append(create, strings.TrimSuffix(createView(v, false), ";"))
		if v.Comment != "" {
			create = append(create, fmt.Sprintf("COMMENT ON %s %s IS %s", strings.ToUpper(viewKind(v)), qn(v.Name), lit(v.Comment)))
		}
	}
	for _, v := range readers {
		if w := p.d.To.View(v.Name); w != nil {
			visit(w)
		}
	}
	return drop, create
}

// inOneTransaction joins statements (without their semicolons) into one
// transaction.
func inOneTransaction(stmts ...string) string {
	return "BEGIN;\n" + strings.Join(stmts, ";\n") + ";\nCOMMIT;"
}

// aroundViews makes s, which changes column types of table, drop the
// views reading the table before and create them after, in one
// transaction, so that no query finds a view missing. It runs with the
// other view changes, after what DESIRED's definitions read is created.
func (p *postgres) aroundViews(table schema.Name, s Step) Step {
	drop, create := p.viewsAround(table)
	if len(drop) == 0 {
		return s
	}
	s.SQL = inOneTransaction(slices.Concat(drop, []string{strings.TrimSuffix(s.SQL, ";")}, create)...)
	s.rank = rankView
	s.Transactional = false
	s.Summary += ", with the views reading the table dropped and created again around it"
	s.Lock += "; ACCESS EXCLUSIVE on the views reading the table (until commit)"
	return s
}
