package parser

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// Hint kinds, as written after "zdplan:" in a comment of DESIRED (see
// DESIGN.md, "Hints").
const (
	// HintRenamedFrom names a table's or column's name in CURRENT.
	HintRenamedFrom = "renamed-from"
	// HintSplitFrom says a new table's rows come from an existing table:
	// "users on user_id = id".
	HintSplitFrom = "split-from"
	// HintUsing is the conversion from CURRENT's value of a column.
	HintUsing = "using"
	// HintBackfill is the value existing rows get in a column.
	HintBackfill = "backfill"
	// hintIgnore is a rule suppression, read by package rules.
	hintIgnore = "ignore"
)

// HintKinds lists the hint kinds a schema or the command line may give.
var HintKinds = []string{HintRenamedFrom, HintSplitFrom, HintUsing, HintBackfill}

// Comment is a comment of a schema file, as the dialect's lexer found it.
type Comment struct {
	// Text is the comment without its -- or /* */ markers.
	Text string
	Pos  schema.Pos
	// Alone is true when nothing but white space precedes the comment on
	// its line.
	Alone bool
}

// HintReader reads the names and expressions that hints contain, in the
// dialect's own syntax (quoting, case folding). Dialects that take hints
// implement it next to Dialect.
type HintReader interface {
	// HintTable reads a possibly qualified table name.
	HintTable(text string) (schema.Name, error)
	// HintColumn reads a column name, possibly qualified by its table; the
	// table is zero when not given.
	HintColumn(text string) (schema.Name, string, error)
	// HintExpr reads exactly one scalar expression, so that a hint cannot
	// smuggle a second statement into the plan, and returns the columns
	// it reads.
	HintExpr(text string) (*schema.Expr, []string, error)
}

// Hint is one zdplan hint.
type Hint struct {
	Kind string
	Arg  string
	Pos  schema.Pos
}

func (h Hint) String() string { return "zdplan:" + h.Kind + " " + h.Arg }

// ParseHint reads a hint from a comment's text. ok is false for comments
// that are not hints (and for rule suppressions, which package rules
// reads); an unknown kind is an error rather than a silently lost intent.
func ParseHint(c Comment) (h Hint, ok bool, err error) {
	text := strings.TrimSpace(c.Text)
	rest, found := strings.CutPrefix(text, "zdplan:")
	if !found {
		return Hint{}, false, nil
	}
	kind, arg, _ := strings.Cut(rest, " ")
	kind = strings.TrimSpace(kind)
	if kind == hintIgnore {
		return Hint{}, false, nil
	}
	h = Hint{Kind: kind, Arg: strings.TrimSpace(arg), Pos: c.Pos}
	if !slices.Contains(HintKinds, kind) {
		return h, false, &Error{Pos: c.Pos, Msg: fmt.Sprintf("unknown zdplan hint %q (known: %s, ignore)", kind, strings.Join(HintKinds, ", "))}
	}
	if h.Arg == "" {
		return h, false, &Error{Pos: c.Pos, Msg: fmt.Sprintf("zdplan:%s needs an argument", kind)}
	}
	return h, true, nil
}

// ApplyHints attaches the hints among comments to the objects they
// annotate: a hint at the end of a line annotates the column (or else the
// table) that starts on that line; a hint alone on its line annotates the
// object that starts on the next line that is not a comment. A hint that
// annotates nothing is an error: its intent would otherwise be lost.
func ApplyHints(s *schema.Schema, comments []Comment, r HintReader) error {
	type fileLine struct {
		file string
		line int32
	}
	alone := map[fileLine]bool{}
	for _, c := range comments {
		if c.Alone {
			alone[fileLine{c.Pos.File, c.Pos.Line}] = true
		}
	}
	type hint struct {
		h  Hint
		c  Comment
		at fileLine // the line it annotates
	}
	var hints []hint
	for _, c := range comments {
		h, ok, err := ParseHint(c)
		if err != nil {
			return err
		}
		if !ok {
			continue
		}
		at := fileLine{c.Pos.File, c.Pos.Line}
		if c.Alone {
			at.line++
			for alone[at] {
				at.line++
			}
		}
		hints = append(hints, hint{h, c, at})
	}
	if len(hints) == 0 {
		return nil
	}
	// Per annotated line, the table that starts there and the (last)
	// column that starts there. Only the lines hints annotate are indexed:
	// a schema has a few hints and tens of thousands of columns.
	type object struct {
		table  *schema.Table // starts on the line
		column *schema.Column
	}
	byLine := make(map[fileLine]*object, len(hints))
	for _, h := range hints {
		byLine[h.at] = &object{}
	}
	for _, t := range s.Tables {
		if o := byLine[fileLine{t.Pos.File, t.Pos.Line}]; o != nil {
			o.table = t
		}
		for _, c := range t.Columns {
			// The last column that starts on a line is the one a
			// comment at its end follows.
			if o := byLine[fileLine{c.Pos.File, c.Pos.Line}]; o != nil {
				o.column = c
			}
		}
	}
	given := map[any][]Hint{}
	for _, x := range hints {
		h, c, o := x.h, x.c, byLine[x.at]
		if o.table == nil && o.column == nil {
			return &Error{Pos: c.Pos, Msg: fmt.Sprintf("%s annotates nothing: put it at the end of a column's line, or on the line right above a column or CREATE TABLE", h)}
		}
		onTable := o.column == nil
		switch {
		case h.Kind == HintSplitFrom:
			onTable = true
		case h.Kind == HintRenamedFrom && o.table != nil && o.column != nil:
			if !c.Alone {
				return &Error{Pos: c.Pos, Msg: fmt.Sprintf("%s is ambiguous on a line that starts both a table and a column: put it above CREATE TABLE for the table, or give the column a line of its own", h)}
			}
			onTable = true
		}
		if onTable && o.table == nil {
			return &Error{Pos: c.Pos, Msg: fmt.Sprintf("%s annotates a table: put it on the line right above CREATE TABLE", h)}
		}
		var obj any = o.column
		if onTable {
			obj = o.table
		}
		if err := conflicting(given, obj, h); err != nil {
			return err
		}
		var err error
		if onTable {
			err = ApplyTableHint(o.table, h, r)
		} else {
			err = ApplyColumnHint(o.column, h, r)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// conflicting records hint h on obj (a table or a column) in given, and
// refuses it when obj already has a hint of the same kind, or a table
// hint of the other kind: the last one would silently win, and a table
// cannot both be renamed and split off from another.
func conflicting(given map[any][]Hint, obj any, h Hint) error {
	origin := func(kind string) bool { return kind == HintRenamedFrom || kind == HintSplitFrom }
	for _, g := range given[obj] {
		if g.Kind == h.Kind || origin(g.Kind) && origin(h.Kind) {
			return &Error{Pos: h.Pos, Msg: fmt.Sprintf("%s conflicts with %s at line %d, on the same object: give one", h, g, g.Pos.Line)}
		}
	}
	given[obj] = append(given[obj], h)
	return nil
}

// ApplyTableHint records a hint on a table.
func ApplyTableHint(t *schema.Table, h Hint, r HintReader) error {
	fail := func(format string, args ...any) error {
		return &Error{Pos: h.Pos, Msg: fmt.Sprintf("%s: ", h) + fmt.Sprintf(format, args...)}
	}
	switch h.Kind {
	case HintRenamedFrom:
		n, err := r.HintTable(h.Arg)
		if err != nil {
			return fail("%v", err)
		}
		if n.Schema == "" {
			n.Schema = t.Name.Schema
		}
		t.Hints.RenamedFrom = n
	case HintSplitFrom:
		from, on, found := cutFold(h.Arg, " on ")
		if !found {
			return fail("want TABLE on COLUMN = COLUMN")
		}
		n, err := r.HintTable(strings.TrimSpace(from))
		if err != nil {
			return fail("%v", err)
		}
		if n.Schema == "" {
			n.Schema = t.Name.Schema
		}
		left, right, found := strings.Cut(on, "=")
		if !found {
			return fail("want TABLE on COLUMN = COLUMN")
		}
		_, col, err := r.HintColumn(strings.TrimSpace(left))
		if err != nil {
			return fail("%v", err)
		}
		_, fromCol, err := r.HintColumn(strings.TrimSpace(right))
		if err != nil {
			return fail("%v", err)
		}
		t.Hints.SplitFrom = &schema.Split{From: n, Column: col, FromColumn: fromCol}
	default:
		return fail("applies to a column, not to table %s", t.Name)
	}
	t.Hints.Pos = h.Pos
	return nil
}

// ApplyColumnHint records a hint on a column.
func ApplyColumnHint(c *schema.Column, h Hint, r HintReader) error {
	fail := func(format string, args ...any) error {
		return &Error{Pos: h.Pos, Msg: fmt.Sprintf("%s: ", h) + fmt.Sprintf(format, args...)}
	}
	hints := c.Hint()
	switch h.Kind {
	case HintRenamedFrom:
		tbl, col, err := r.HintColumn(h.Arg)
		if err != nil {
			return fail("%v", err)
		}
		if tbl != (schema.Name{}) {
			return fail("give the column's old name only; the table is the one it is declared in")
		}
		hints.RenamedFrom = col
	case HintUsing, HintBackfill:
		e, cols, err := r.HintExpr(h.Arg)
		if err != nil {
			return fail("%v", err)
		}
		if h.Kind == HintUsing {
			hints.Using, hints.UsingColumns = e, cols
		} else {
			hints.Backfill, hints.BackfillColumns = e, cols
		}
	default:
		return fail("applies to a table, not to column %s", c.Name)
	}
	hints.Pos = h.Pos
	c.SetExtra(func(e *schema.ColumnExtra) { e.Hints = &hints })
	return nil
}

// cutFold is strings.Cut with a case-insensitive separator.
func cutFold(s, sep string) (before, after string, found bool) {
	i := strings.Index(strings.ToLower(s), strings.ToLower(sep))
	if i < 0 {
		return s, "", false
	}
	return s[:i], s[i+len(sep):], true
}
