package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	pgq "github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// lockCompositeType is the lock of ALTER TYPE on a composite type: its
// pg_class row, no table's.
const lockCompositeType = "ACCESS EXCLUSIVE on the type only (catalog only; no table is rewritten)"

// compositeSteps plans the changes of composite types; ok is false for
// other changes.
func (p *postgres) compositeSteps(c diff.Change) (steps []Step, ok bool) {
	switch c := c.(type) {
	case diff.CreateCompositeType:
		s := withReverse(step(Expand, rankType, c, "create composite type "+c.Type.Name.String(),
			doIf(fmt.Sprintf("to_regtype(%s) IS NULL", lit(qn(c.Type.Name))), createComposite(c.Type)), lockNone),
			fmt.Sprintf("DROP TYPE IF EXISTS %s;", qn(c.Type.Name)))
		return []Step{compositeDeps(s, c.Type)}, true
	case diff.DropCompositeType:
		s := step(Contract, rankDropType, c, "drop composite type "+c.Type.Name.String(),
			fmt.Sprintf("DROP TYPE IF EXISTS %s;", qn(c.Type.Name)), lockNone)
		s.provides = []string{dropKey(typeRef(c.Type.Name))}
		for _, r := range c.Type.Deps {
			s.before = append(s.before, dropKey(r))
		}
		return []Step{s}, true
	case diff.ReplaceCompositeType:
		// Nothing uses the type (the diff says so otherwise).
		// The DO block is one transaction; it runs only while the
		// attributes are not in their new order, so that a re-run does
		// not drop the type under a column the plan has added since.
		var names []string
		for _, a := range c.To.Attributes {
			names = append(names, a.Name)
		}
		s := step(Expand, rankType, c, fmt.Sprintf("create composite type %s again with its attributes in their new order (nothing uses it)", c.To.Name),
			doIfBlock(fmt.Sprintf("(SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_catalog.pg_attribute WHERE attrelid = (SELECT typrelid FROM pg_catalog.pg_type WHERE oid = %s::regtype) AND attnum > 0 AND NOT attisdropped) IS DISTINCT FROM %s",
				lit(qn(c.From.Name)), lit(strings.Join(names, ","))),
				"DROP TYPE "+qn(c.From.Name), createComposite(c.To)), lockNone)
		return []Step{compositeDeps(s, c.To)}, true
	case diff.AddAttribute:
		s := step(Expand, rankType, c, fmt.Sprintf("add attribute %s to composite type %s", c.Attribute.Name, c.Type.Name),
			doIf("NOT "+attributeExists(c.Type.Name, c.Attribute.Name),
				fmt.Sprintf("ALTER TYPE %s ADD ATTRIBUTE %s", qn(c.Type.Name), attributeSQL(c.Attribute))), lockCompositeType)
		s.Reverse = fmt.Sprintf("ALTER TYPE %s DROP ATTRIBUTE IF EXISTS %s;", qn(c.Type.Name), qi(c.Attribute.Name))
		s.provides = []string{depKey(typeRef(c.Type.Name))}
		if c.Attribute.Type.Schema != "" {
			s.needs = append(s.needs, depKey(typeRef(schema.Name{Schema: c.Attribute.Type.Schema, Name: c.Attribute.Type.Name})))
		}
		return []Step{s}, true
	case diff.AlterAttributeType:
		s := step(Expand, rankType, c, fmt.Sprintf("change attribute %s of composite type %s to %s (no column uses the type)", c.To.Name, c.Type.Name, c.To.Type),
			fmt.Sprintf("ALTER TYPE %s ALTER ATTRIBUTE %s TYPE %s;", qn(c.Type.Name), qi(c.To.Name), strings.TrimPrefix(attributeSQL(c.To), qi(c.To.Name)+" ")), lockCompositeType)
		if c.To.Type.Schema != "" {
			s.needs = append(s.needs, depKey(typeRef(schema.Name{Schema: c.To.Type.Schema, Name: c.To.Type.Name})))
		}
		return []Step{s}, true
	case diff.DropAttribute:
		// The old version may still read or write the attribute.
		return []Step{step(Contract, rankDropColumn, c, fmt.Sprintf("drop attribute %s of composite type %s (the old version may use it)", c.Attribute.Name, c.Type.Name),
			fmt.Sprintf("ALTER TYPE %s DROP ATTRIBUTE IF EXISTS %s;", qn(c.Type.Name), qi(c.Attribute.Name)), lockCompositeType)}, true
	}
	return nil, false
}

func compositeDeps(s Step, c *schema.CompositeType) Step {
	s.provides = []string{depKey(typeRef(c.Name))}
	for _, r := range c.Deps {
		s.needs = append(s.needs, depKey(r))
	}
	return s
}

func attributeExists(t schema.Name, name string) string {
	return fmt.Sprintf("EXISTS (SELECT FROM pg_catalog.pg_attribute WHERE attrelid = (SELECT typrelid FROM pg_catalog.pg_type WHERE oid = %s::regtype) AND attname = %s AND NOT attisdropped)", lit(qn(t)), lit(name))
}

func attributeSQL(a *schema.Attribute) string {
	s := qi(a.Name) + " " + pgq.TypeSQL(a.Type)
	if a.Collation != "" {
		s += " COLLATE " + pgq.QuoteDotted(a.Collation)
	}
	return s
}

// createComposite is the CREATE TYPE statement, without its terminator.
func createComposite(c *schema.CompositeType) string {
	var attrs []string
	for _, a := range c.Attributes {
		attrs = append(attrs, attributeSQL(a))
	}
	return fmt.Sprintf("CREATE TYPE %s AS (%s)", qn(c.Name), strings.Join(attrs, ", "))
}
