package postgres

import (
	"bytes"
	"errors"
	"fmt"
	"slices"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// comments returns the comments of the file, found by PostgreSQL's own
// scanner so that "--" inside a string or a dollar-quoted body is not
// taken for one. Only statements that mention a hint are scanned:
// scanning crosses into C and hands back every token.
func (p *state) comments(src []byte) ([]parser.Comment, error) {
	hint := []byte("zdplan:")
	if !bytes.Contains(src, hint) {
		return nil, nil
	}
	var out []parser.Comment
	err := p.scan(src, func(text []byte) bool { return bytes.Contains(text, hint) }, func(tok *pg.ScanToken, start, end int) {
		var text []byte
		switch tok.Token {
		case pg.Token_SQL_COMMENT:
			text = bytes.TrimPrefix(src[start:end], []byte("--"))
		case pg.Token_C_COMMENT:
			text = bytes.TrimSuffix(bytes.TrimPrefix(src[start:end], []byte("/*")), []byte("*/"))
		default:
			return
		}
		lineStart := bytes.LastIndexByte(src[:start], '\n') + 1
		out = append(out, parser.Comment{
			Text:  string(text),
			Pos:   p.lines.Pos(start),
			Alone: len(bytes.TrimSpace(src[lineStart:start])) == 0,
		})
	})
	return out, err
}

// scan runs PostgreSQL's scanner over those statements of src for which
// want is true, one statement at a time (the scanner's tokens for a whole
// large file take hundreds of megabytes), and hands each token to tok
// with its offsets in src.
func (p *state) scan(src []byte, want func([]byte) bool, tok func(t *pg.ScanToken, start, end int)) error {
	cuts := p.cuts
	if len(cuts) == 0 || cuts[0] != 0 {
		cuts = append([]int{0}, cuts...)
	}
	for i, from := range cuts {
		to := len(src)
		if i+1 < len(cuts) {
			to = cuts[i+1]
		}
		if !want(src[from:to]) {
			continue
		}
		res, err := pg.Scan(string(src[from:to]))
		if err != nil {
			// The file parsed, so this is not expected; the whole file's
			// scan gives the error its usual position.
			if _, werr := pg.Scan(string(src)); werr != nil {
				return p.syntaxError(werr)
			}
			return p.syntaxError(err)
		}
		for _, t := range res.Tokens {
			tok(t, from+int(t.Start), from+int(t.End))
		}
	}
	return nil
}

// HintTable implements parser.HintReader.
func (Dialect) HintTable(text string) (schema.Name, error) {
	tree, err := pg.Parse("SELECT FROM " + text)
	if err != nil || len(tree.Stmts) != 1 {
		return schema.Name{}, fmt.Errorf("%q is not a table name", text)
	}
	sel := tree.Stmts[0].Stmt.GetSelectStmt()
	if sel == nil || len(sel.FromClause) != 1 || sel.WhereClause != nil {
		return schema.Name{}, fmt.Errorf("%q is not a table name", text)
	}
	rv := sel.FromClause[0].GetRangeVar()
	if rv == nil || rv.Alias != nil || rv.Catalogname != "" || !rv.Inh {
		return schema.Name{}, fmt.Errorf("%q is not a table name", text)
	}
	return schema.Name{Schema: rv.Schemaname, Name: rv.Relname}, nil
}

// HintColumn implements parser.HintReader.
func (Dialect) HintColumn(text string) (schema.Name, string, error) {
	e, err := singleExpr(text)
	if err != nil {
		return schema.Name{}, "", fmt.Errorf("%q is not a column name", text)
	}
	ref := e.GetColumnRef()
	if ref == nil {
		return schema.Name{}, "", fmt.Errorf("%q is not a column name", text)
	}
	var parts []string
	for _, f := range ref.Fields {
		s := f.GetString_()
		if s == nil {
			return schema.Name{}, "", fmt.Errorf("%q is not a column name", text)
		}
		parts = append(parts, s.Sval)
	}
	switch len(parts) {
	case 1:
		return schema.Name{}, parts[0], nil
	case 2:
		return schema.Name{Name: parts[0]}, parts[1], nil
	case 3:
		return schema.Name{Schema: parts[0], Name: parts[1]}, parts[2], nil
	}
	return schema.Name{}, "", fmt.Errorf("%q is not a column name", text)
}

// HintExpr implements parser.HintReader.
func (Dialect) HintExpr(text string) (*schema.Expr, []string, error) {
	return newState("", nil).hintExpr(text)
}

func (p *state) hintExpr(text string) (*schema.Expr, []string, error) {
	n, err := singleExpr(text)
	if err != nil {
		return nil, nil, err
	}
	p.inHint = true
	e, err := p.newExpr(n)
	p.inHint = false
	if err != nil {
		return nil, nil, err
	}
	cols := columnRefs(n)
	slices.Sort(cols)
	return e, slices.Compact(cols), nil
}

var (
	errNotOneExpr = errors.New("not a single SQL expression")
	errSubquery   = fmt.Errorf("%w: subqueries are not allowed in hints (the value comes from the row alone)", errNotOneExpr)
)

// singleExpr parses text as exactly one scalar expression: the statement
// built around it must be a bare SELECT of one value, so that text such
// as "1) FROM t WHERE (true" or "1; DROP TABLE t" is refused.
func singleExpr(text string) (*pg.Node, error) {
	tree, err := pg.Parse("SELECT (" + text + "\n)")
	if err != nil {
		var pe interface{ Error() string }
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%w: %s", errNotOneExpr, pe.Error())
		}
		return nil, errNotOneExpr
	}
	if len(tree.Stmts) != 1 {
		return nil, errNotOneExpr
	}
	s := tree.Stmts[0].Stmt.GetSelectStmt()
	if s == nil || len(s.TargetList) != 1 || len(s.FromClause) != 0 || s.WhereClause != nil ||
		len(s.GroupClause) != 0 || s.HavingClause != nil || len(s.WindowClause) != 0 ||
		len(s.SortClause) != 0 || s.LimitCount != nil || s.LimitOffset != nil ||
		len(s.LockingClause) != 0 || s.WithClause != nil || len(s.DistinctClause) != 0 ||
		s.IntoClause != nil || s.Op != pg.SetOperation_SETOP_NONE || len(s.ValuesLists) != 0 {
		return nil, errNotOneExpr
	}
	rt := s.TargetList[0].GetResTarget()
	if rt == nil || rt.Name != "" {
		return nil, errNotOneExpr
	}
	// A subquery is a statement of its own: it could write (a
	// data-modifying WITH), and a backfill or conversion is computed from
	// the row alone.
	var sub bool
	walkNodes(rt.ProtoReflect(), func(n *pg.Node) { sub = sub || n.GetSubLink() != nil })
	if sub {
		return nil, errSubquery
	}
	return rt.Val, nil
}
