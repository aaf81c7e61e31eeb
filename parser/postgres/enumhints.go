package postgres

import (
	"bytes"
	"fmt"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// This file reads the rename hints of enum types. A label has no line
// of its own to annotate (labels often share one), so the hint goes
// right after the label it renames, in either spelling:
//
//	CREATE TYPE status AS ENUM (
//	  'active',
//	  'waiting', -- zdplan:renamed-from 'pending'
//	  'closed' /* @renamed from=done */
//	);
//
// A hint before the first label (after the type's name, or on the line
// above CREATE TYPE) renames the type itself. "@renamed from=NAME" is the
// spelling of sqldef's schema files, accepted here so that they need no
// rewriting.

// enumStmt is the text of a CREATE TYPE ... AS ENUM statement.
type enumStmt struct {
	enum     *schema.Enum
	from, to int
}

// enumHint reads a rename hint from a comment's text: ok is false for
// other comments.
func enumHint(text string) (arg string, ok bool) {
	t := strings.TrimSpace(text)
	if rest, found := strings.CutPrefix(t, "zdplan:"+parser.HintRenamedFrom); found && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
		return strings.TrimSpace(rest), true
	}
	if rest, found := strings.CutPrefix(t, "@renamed"); found {
		rest = strings.TrimSpace(rest)
		if v, found := strings.CutPrefix(rest, "from="); found {
			return strings.TrimSpace(v), true
		}
		return rest, true
	}
	return "", false
}

// enumHints attaches the rename hints written in the enum statements to
// their enums and returns the positions of the comments it read, which
// annotate no table or column.
func (p *state) enumHints(src []byte) (map[schema.Pos]bool, error) {
	used := map[schema.Pos]bool{}
	for _, st := range p.enumStmts {
		text := src[st.from:st.to]
		if !bytes.Contains(text, []byte("zdplan:")) && !bytes.Contains(text, []byte("@renamed")) {
			continue
		}
		res, err := pg.Scan(string(text))
		if err != nil {
			return nil, p.syntaxError(err)
		}
		e := st.enum
		label := -1 // index of the last label seen
		for _, tok := range res.Tokens {
			start, end := st.from+int(tok.Start), st.from+int(tok.End)
			var body []byte
			switch tok.Token {
			case pg.Token_SCONST:
				label++
				continue
			case pg.Token_SQL_COMMENT:
				body = bytes.TrimPrefix(src[start:end], []byte("--"))
			case pg.Token_C_COMMENT:
				body = bytes.TrimSuffix(bytes.TrimPrefix(src[start:end], []byte("/*")), []byte("*/"))
			default:
				continue
			}
			arg, ok := enumHint(string(body))
			if !ok {
				continue
			}
			pos := p.lines.Pos(start)
			used[pos] = true
			fail := func(format string, args ...any) error {
				return &parser.Error{Pos: pos, Msg: fmt.Sprintf("renamed-from %s: ", arg) + fmt.Sprintf(format, args...)}
			}
			if arg == "" {
				return nil, fail("needs the old name")
			}
			if !e.Hints.Pos.IsValid() || label < 0 {
				e.Hints.Pos = pos
			}
			if label < 0 {
				old, err := Dialect{}.HintTable(arg)
				if err != nil {
					return nil, fail("%q is not a type name", arg)
				}
				if old.Schema == "" {
					old.Schema = e.Name.Schema
				}
				if prev := e.Hints.RenamedFrom; prev != (schema.Name{}) {
					return nil, fail("type %s is already renamed from %s: give one", e.Name, prev)
				}
				e.Hints.RenamedFrom = old
				continue
			}
			if label >= len(e.Values) {
				return nil, fail("annotates no label")
			}
			old := hintLabel(arg)
			v := e.Values[label]
			if prev, dup := e.Hints.LabelsFrom[v]; dup && prev != old {
				return nil, fail("label %q is already renamed from %q: give one", v, prev)
			}
			for nv, o := range e.Hints.LabelsFrom {
				if o == old && nv != v {
					return nil, fail("label %q is already renamed to %q", old, nv)
				}
			}
			if e.Hints.LabelsFrom == nil {
				e.Hints.LabelsFrom, e.Hints.LabelPos = map[string]string{}, map[string]schema.Pos{}
			}
			e.Hints.LabelsFrom[v] = old
			e.Hints.LabelPos[v] = pos
		}
	}
	return used, nil
}

// hintLabel reads a label as a hint names it: a string literal, a quoted
// identifier, or the bare word (labels keep their case).
func hintLabel(arg string) string {
	if len(arg) >= 2 && (arg[0] == '\'' || arg[0] == '"') && arg[len(arg)-1] == arg[0] {
		q := arg[:1]
		return strings.ReplaceAll(arg[1:len(arg)-1], q+q, q)
	}
	return arg
}
