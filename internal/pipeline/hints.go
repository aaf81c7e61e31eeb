package pipeline

import (
	"fmt"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// Hint is a hint given outside the schema files (flags, zdplan.yaml).
// They name their objects explicitly, where comments in DESIRED are
// placed next to them:
//
//	renamed-from  Target OLD (table, or table.column), Arg NEW (table, or column of OLD's table)
//	split-from    Target TABLE,         Arg "SOURCE on COLUMN = COLUMN"
//	using         Target TABLE.COLUMN,  Arg EXPR
//	backfill      Target TABLE.COLUMN,  Arg EXPR
type Hint struct {
	Kind   string
	Target string
	Arg    string
	// Source says where the hint was given, for messages: "--rename",
	// "zdplan.yaml".
	Source string
}

// applyHints records hints given outside the files on DESIRED, as if
// they had been written there as comments.
func applyHints(d parser.Dialect, from, to *schema.Schema, hints []Hint) error {
	if len(hints) == 0 {
		return nil
	}
	r, ok := d.(parser.HintReader)
	if !ok {
		return fmt.Errorf("dialect %s does not take hints", d.Name())
	}
	for _, h := range hints {
		ph := parser.Hint{Kind: h.Kind, Arg: h.Arg, Pos: schema.Pos{File: h.Source}}
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s %s=%s: %s", h.Source, h.Target, h.Arg, fmt.Sprintf(format, args...))
		}
		switch h.Kind {
		case parser.HintRenamedFrom:
			if old, err := r.HintTable(h.Target); err == nil {
				if t := lookupTable(from, old); t != nil {
					nn, err := r.HintTable(h.Arg)
					if err != nil {
						return fail("%v", err)
					}
					nt := lookupTable(to, nn)
					if nt == nil {
						return fail("DESIRED has no table %s", nn)
					}
					ph.Arg = h.Target
					if err := parser.ApplyTableHint(nt, ph, r); err != nil {
						return err
					}
					continue
				}
			}
			tn, oldCol, err := r.HintColumn(h.Target)
			if err != nil || tn == (schema.Name{}) {
				return fail("want OLD_TABLE=NEW_TABLE or TABLE.OLD_COLUMN=NEW_COLUMN")
			}
			_, newCol, err := r.HintColumn(h.Arg)
			if err != nil {
				return fail("%v", err)
			}
			t := lookupTable(to, tn)
			if t == nil {
				return fail("DESIRED has no table %s", tn)
			}
			c := t.Column(newCol)
			if c == nil {
				return fail("DESIRED has no column %s.%s", t.Name, newCol)
			}
			ph.Arg = oldCol
			if err := parser.ApplyColumnHint(c, ph, r); err != nil {
				return err
			}
		case parser.HintSplitFrom:
			tn, err := r.HintTable(h.Target)
			if err != nil {
				return fail("%v", err)
			}
			t := lookupTable(to, tn)
			if t == nil {
				return fail("DESIRED has no table %s", tn)
			}
			if err := parser.ApplyTableHint(t, ph, r); err != nil {
				return err
			}
		case parser.HintUsing, parser.HintBackfill:
			tn, col, err := r.HintColumn(h.Target)
			if err != nil || tn == (schema.Name{}) {
				return fail("want TABLE.COLUMN=EXPRESSION")
			}
			t := lookupTable(to, tn)
			if t == nil || t.Column(col) == nil {
				return fail("DESIRED has no column %s.%s", tn, col)
			}
			if err := parser.ApplyColumnHint(t.Column(col), ph, r); err != nil {
				return err
			}
		default:
			return fail("unknown hint kind %q", h.Kind)
		}
	}
	return nil
}

// lookupTable finds a table by a name that may lack its schema: then the
// only table of that name, in any schema.
func lookupTable(s *schema.Schema, n schema.Name) *schema.Table {
	if n.Schema != "" {
		return s.Table(n)
	}
	var found *schema.Table
	for _, t := range s.Tables {
		if t.Name.Name == n.Name {
			if found != nil {
				return nil
			}
			found = t
		}
	}
	return found
}
