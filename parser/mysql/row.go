package mysql

import (
	"errors"
	"fmt"
	"strings"

	tidb "github.com/pingcap/tidb/pkg/parser"
	"github.com/pingcap/tidb/pkg/parser/ast"
)

// OverRow rewrites expr, an expression over a table's columns (a using or
// backfill hint), to read them from a trigger's row instead: each column
// name c becomes row.`c`. A trigger can then compute the value directly;
// the alternative, a derived table of the row's values, is a subquery for
// every row written and makes a backfill several times slower.
//
// It fails for an expression with a subquery, whose column names need not
// be the table's, and for one it cannot read.
func OverRow(expr, row string) (string, error) {
	const marker = "zdplan_row_col_"
	if strings.Contains(expr, marker) {
		return "", fmt.Errorf("expression %s holds %s", expr, marker)
	}
	stmts, err := parseSQL(tidb.New(), "SELECT "+expr)
	if err != nil {
		return "", err
	}
	sel, ok := stmts[0].(*ast.SelectStmt)
	if len(stmts) != 1 || !ok || sel.Fields == nil || len(sel.Fields.Fields) != 1 || sel.From != nil || sel.Fields.Fields[0].Expr == nil {
		return "", fmt.Errorf("not a single expression: %s", expr)
	}
	q := &rowQualifier{}
	e := sel.Fields.Fields[0].Expr
	e.Accept(q)
	if q.err != nil {
		return "", q.err
	}
	// The restorer quotes every name: put the row's name in after it.
	out, err := restore(e, sqlFlags)
	if err != nil {
		return "", err
	}
	for i, name := range q.names {
		out = strings.ReplaceAll(out, QuoteIdent(fmt.Sprintf("%s%d", marker, i)), row+"."+QuoteIdent(name))
	}
	return out, nil
}

// rowQualifier replaces the column names of an expression with numbered
// markers, keeping the names.
type rowQualifier struct {
	names []string
	err   error
}

func (q *rowQualifier) Enter(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.SubqueryExpr:
		q.err = errors.New("the expression has a subquery")
		return n, true
	case *ast.ColumnName:
		if x.Table.L != "" || x.Schema.L != "" {
			q.err = fmt.Errorf("column %s.%s is qualified", x.Table.O, x.Name.O)
			return n, true
		}
		q.names = append(q.names, x.Name.O)
		x.Name = ast.NewCIStr(fmt.Sprintf("zdplan_row_col_%d", len(q.names)-1))
	}
	return n, false
}

func (q *rowQualifier) Leave(n ast.Node) (ast.Node, bool) { return n, q.err == nil }
