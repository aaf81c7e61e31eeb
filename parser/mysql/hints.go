package mysql

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// hintComments turns the comments the splitter found into parser
// comments, for the hints among them.
func (p *state) hintComments(cs []comment) []parser.Comment {
	var out []parser.Comment
	for _, c := range cs {
		text := p.src[c.start:c.end]
		if !bytes.Contains(text, []byte("zdplan:")) {
			continue
		}
		lineStart := bytes.LastIndexByte(p.src[:c.at], '\n') + 1
		out = append(out, parser.Comment{
			Text:  string(text),
			Pos:   p.lines.Pos(c.at),
			Alone: len(bytes.TrimSpace(p.src[lineStart:c.at])) == 0,
		})
	}
	return out
}

// HintTable implements parser.HintReader.
func (Dialect) HintTable(text string) (schema.Name, error) {
	p := newState("", nil)
	stmts, err := parseSQL(p.tp, "SELECT 1 FROM "+text)
	if err != nil || len(stmts) != 1 {
		return schema.Name{}, fmt.Errorf("%q is not a table name", text)
	}
	sel, ok := stmts[0].(*ast.SelectStmt)
	if !ok || sel.From == nil || sel.From.TableRefs == nil || sel.From.TableRefs.Right != nil || sel.Where != nil {
		return schema.Name{}, fmt.Errorf("%q is not a table name", text)
	}
	src, ok := sel.From.TableRefs.Left.(*ast.TableSource)
	if !ok || src.AsName.O != "" {
		return schema.Name{}, fmt.Errorf("%q is not a table name", text)
	}
	tn, ok := src.Source.(*ast.TableName)
	if !ok {
		return schema.Name{}, fmt.Errorf("%q is not a table name", text)
	}
	// Databases are not part of the model: a qualifier is dropped, as in
	// the schema files.
	return schema.Name{Name: tn.Name.O}, nil
}

// HintColumn implements parser.HintReader.
func (Dialect) HintColumn(text string) (schema.Name, string, error) {
	e, err := singleExpr(newState("", nil), text)
	if err != nil {
		return schema.Name{}, "", fmt.Errorf("%q is not a column name", text)
	}
	col, ok := e.(*ast.ColumnNameExpr)
	if !ok {
		return schema.Name{}, "", fmt.Errorf("%q is not a column name", text)
	}
	return schema.Name{Name: col.Name.Table.O}, col.Name.Name.O, nil
}

// HintExpr implements parser.HintReader.
func (Dialect) HintExpr(text string) (*schema.Expr, []string, error) {
	return newState("", nil).hintExpr(text)
}

func (p *state) hintExpr(text string) (*schema.Expr, []string, error) {
	e, err := singleExpr(p, text)
	if err != nil {
		return nil, nil, err
	}
	x, err := p.newExpr(e, exprOpts{unqualify: true})
	if err != nil {
		return nil, nil, err
	}
	var cols columnNames
	e.Accept(&cols)
	slices.Sort(cols)
	return x, slices.Compact(cols), nil
}

// columnNames collects the column names an expression reads.
type columnNames []string

func (c *columnNames) Enter(n ast.Node) (ast.Node, bool) {
	if col, ok := n.(*ast.ColumnName); ok {
		*c = append(*c, col.Name.O)
	}
	return n, false
}

func (c *columnNames) Leave(n ast.Node) (ast.Node, bool) { return n, true }

var (
	errNotOneExpr = errors.New("not a single SQL expression")
	errSubquery   = fmt.Errorf("%w: subqueries are not allowed in hints (the value comes from the row alone)", errNotOneExpr)
)

// subqueries is set by a walk that meets a subquery: a statement of its
// own inside the expression.
type subqueries bool

func (s *subqueries) Enter(n ast.Node) (ast.Node, bool) {
	if _, ok := n.(*ast.SubqueryExpr); ok {
		*s = true
		return n, true
	}
	return n, false
}

func (s *subqueries) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// singleExpr parses text as exactly one scalar expression: the statement
// built around it must be a bare SELECT of one value, so that text such
// as "1) FROM t WHERE (1" or "1; DROP TABLE t" is refused.
func singleExpr(p *state, text string) (ast.ExprNode, error) {
	stmts, err := parseSQL(p.tp, "SELECT ("+text+"\n)")
	if err != nil {
		// TiDB's message quotes the text from the error on, wrapper
		// included: name the offending token instead.
		if m := tidbErrPos.FindStringSubmatch(err.Error()); m != nil {
			if toks := tokenize(strings.TrimSuffix(m[3], "\n)")); len(toks) > 0 {
				return nil, fmt.Errorf("%w: syntax error at or near %q", errNotOneExpr, toks[0].text)
			}
			return nil, fmt.Errorf("%w: syntax error at its end", errNotOneExpr)
		}
		return nil, fmt.Errorf("%w: %v", errNotOneExpr, err)
	}
	if len(stmts) != 1 {
		return nil, errNotOneExpr
	}
	sel, ok := stmts[0].(*ast.SelectStmt)
	if !ok || sel.From != nil || sel.Where != nil || sel.GroupBy != nil || sel.Having != nil || sel.OrderBy != nil ||
		sel.Limit != nil || sel.WindowSpecs != nil || sel.With != nil || sel.Distinct || sel.LockInfo != nil ||
		sel.Fields == nil || len(sel.Fields.Fields) != 1 || sel.Fields.Fields[0].AsName.O != "" || sel.Fields.Fields[0].Expr == nil {
		return nil, errNotOneExpr
	}
	e := sel.Fields.Fields[0].Expr
	if pe, ok := e.(*ast.ParenthesesExpr); ok {
		e = pe.Expr
	}
	var sub subqueries
	e.Accept(&sub)
	if sub {
		return nil, errSubquery
	}
	return e, nil
}

// hintReader reads hints of the file being parsed.
type hintReader struct{ p *state }

func (r hintReader) HintTable(text string) (schema.Name, error) { return Dialect{}.HintTable(text) }

func (r hintReader) HintColumn(text string) (schema.Name, string, error) {
	return Dialect{}.HintColumn(text)
}

func (r hintReader) HintExpr(text string) (*schema.Expr, []string, error) { return r.p.hintExpr(text) }
