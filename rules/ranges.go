package rules

import "github.com/zdplan/zdplan/diff"

// typeRedefined is ZD140: a collation or range type that nothing in the
// schema uses is created again with a new definition, which the queries
// of the old application version that name it see at once.
var typeRedefined = &Rule{
	ID: "ZD140", Name: "collation-or-range-redefined", Severity: Warning,
	Summary: "collation or range type dropped and created again with a new definition",
	Why: "Neither a collation nor a range type can be altered: a new definition means DROP and CREATE (zdplan " +
		"does both in one transaction, and only while nothing in the schema uses the object). Queries can still " +
		"name it: from expand on, the old application version's ORDER BY ... COLLATE, comparisons and casts " +
		"to the range type (lower(r), '[1,5)'::r) run under the new locale, subtype or functions.",
	Safe: "Create the new definition under a new name, move the new application version's queries to it, " +
		"and drop the old one in a later contract.",
	Unsafe:   "CREATE COLLATION sort_key (provider = icu, locale = 'und-u-ks-level1'); -- was und-u-ks-level2",
	Planned:  "expand: DROP and CREATE in one DO block, guarded so that a re-run leaves the new definition alone",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		Each(p, func(c diff.ReplaceCollation) {
			p.Report(c.Object(), c.Pos(), false, "collation %s is dropped and created again in expand as (%s) instead of (%s): queries of the old application version that name it sort and compare under the new definition", c.Object(), c.To.Definition, c.From.Definition)
		})
		Each(p, func(c diff.ReplaceRangeType) {
			p.Report(c.Object(), c.Pos(), false, "range type %s is dropped and created again in expand as (%s) instead of (%s): queries of the old application version that cast to it use the new definition", c.Object(), c.To.Definition, c.From.Definition)
		})
	},
}
