package rules

import (
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// domainCheckBlocksWrites is ZD131: a change that makes PostgreSQL check
// a domain's values reads the tables of its columns, writes waiting.
func domainCheckBlocksWrites(p *Pass) {
	report := func(c diff.Change, d schema.Name, what string) {
		// Columns that exist only in DESIRED are new: the plan fills
		// them after the check, so only CURRENT's count.
		users := diff.DomainUsers(p.Diff.From, d)
		if len(users) == 0 {
			return
		}
		p.Report(c.Object(), c.Pos(), false, "%s of domain %s reads every row of %s while writes to them wait", what, d, strings.Join(users, ", "))
	}
	for _, c := range p.Diff.Changes {
		switch c := c.(type) {
		case diff.AddDomainCheck:
			if !c.Check.NotValid {
				report(c, c.Domain.Name, "validating CHECK "+c.Check.Name)
			}
		case diff.ValidateDomainCheck:
			report(c, c.Domain.Name, "validating CHECK "+c.Check.Name)
		case diff.SetDomainNotNull:
			report(c, c.Domain.Name, "SET NOT NULL")
		}
	}
}

// enumRenamed is ZD135: the old version writes a label (or names a type)
// that a rename takes away.
func enumRenamed(p *Pass) {
	for _, c := range p.Diff.Changes {
		switch c := c.(type) {
		case diff.RenameEnumValue:
			p.Report(c.Object(), c.Pos(), false, "label %q of enum %s is renamed to %q: the old application version writing %q fails until it is retired", c.From, c.Enum.Name, c.To, c.From)
		case diff.RenameEnum:
			p.Report(c.Object(), c.Pos(), false, "enum type %s is renamed to %s: the old application version naming %s (in casts, function signatures) fails until it is retired", c.From.Name, c.To.Name, c.From.Name)
		}
	}
}

// compositeReshaped is ZD137: the old version writes whole values of a
// composite type whose attributes change under it.
func compositeReshaped(p *Pass) {
	for _, c := range p.Diff.Changes {
		var t schema.Name
		var attr, verb, what string
		switch c := c.(type) {
		case diff.AddAttribute:
			t, attr, verb, what = c.Type.Name, c.Attribute.Name, "added to", "the old application version's values of it have one field too few and fail"
		case diff.DropAttribute:
			t, attr, verb, what = c.Type.Name, c.Attribute.Name, "dropped from", "every row loses the attribute's value, and the old application version's values have one field too many"
		default:
			continue
		}
		users := diff.TypeUsers(p.Diff.From, t)
		if len(users) == 0 {
			continue
		}
		p.Report(c.Object(), c.Pos(), false, "attribute %s is %s composite type %s, which %s uses: %s", attr, verb, t, strings.Join(users, ", "), what)
	}
}
