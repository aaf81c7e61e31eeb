package pipeline

import (
	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// Compare parses two schemas and diffs them as they are: hints are
// ignored, since they say how to get from one to the other, not what
// either is (a drift check asks only whether the two are the same).
func Compare(a, b Input, dialect string) (*diff.Diff, error) {
	d, err := parser.Lookup(dialect)
	if err != nil {
		return nil, err
	}
	from, err := parse(d, a)
	if err != nil {
		return nil, err
	}
	to, err := parse(d, b)
	if err != nil {
		return nil, err
	}
	for _, res := range []*parseResult{from, to} {
		for _, t := range res.schema.Tables {
			t.Hints = schema.TableHints{}
			for _, c := range t.Columns {
				c.SetExtra(func(e *schema.ColumnExtra) { e.Hints = nil })
			}
		}
	}
	return diff.Schemas(from.schema, to.schema), nil
}
