package mysql

import (
	"regexp"
	"slices"
	"strings"

	"github.com/pingcap/tidb/pkg/parser/ast"
	"github.com/pingcap/tidb/pkg/parser/opcode"

	"github.com/zdplan/zdplan/schema"
)

var countStar = regexp.MustCompile(`(?i)\b(count)\(1\)`)

// createView reads CREATE [OR REPLACE] [ALGORITHM=..] [DEFINER=..] [SQL
// SECURITY ..] VIEW. Algorithm, definer and security are not part of the
// model.
//
// The server stores a view's query rewritten: every column qualified with
// its table, every output column given an alias (the column's name, or the
// expression's text as written), * expanded, a column list folded into
// the aliases. The key is built the same way from the written query, so
// that the written view and SHOW CREATE VIEW's agree.
func (p *state) createView() error {
	text := []byte(p.stmt.text)
	// The TiDB parser knows WITH CASCADED|LOCAL CHECK OPTION but not the
	// plain WITH CHECK OPTION (which is CASCADED), and cannot tell an
	// absent clause from CASCADED: read it here.
	checkOption := ""
	n := len(p.toks)
	if n >= 3 && p.kw(n-2) == "CHECK" && p.kw(n-1) == "OPTION" {
		from := n - 3
		checkOption = "CASCADED"
		switch p.kw(n - 3) {
		case "LOCAL":
			checkOption = "LOCAL"
			from--
		case "CASCADED":
			from--
		}
		if from >= 0 && p.kw(from) == "WITH" {
			for _, t := range p.toks[from:] {
				for i := t.off; i < t.end; i++ {
					text[i] = ' '
				}
			}
		} else {
			checkOption = ""
		}
	}
	node, err := p.parseTiDB(string(text))
	if err != nil {
		return p.syntaxError(err, string(text))
	}
	cv, ok := node.(*ast.CreateViewStmt)
	if !ok {
		return p.errorAt(p.toks[0].off, "not a CREATE VIEW statement")
	}
	name := p.tableName(cv.ViewName)
	v := p.slabs.Views.Put(schema.View{Name: schema.Name{Name: name}, CheckOption: checkOption, Pos: p.stmtPos})
	if cv.Security == ast.SecurityInvoker {
		v.Security = "INVOKER"
	}
	for _, t := range p.toks {
		if t.is("VIEW") {
			v.Pos = p.posAt(t.off)
			break
		}
	}
	if p.tables[name] != nil {
		return p.errorAt(p.toks[0].off, "table %s already exists", name)
	}
	sql, err := restore(cv.Select, sqlFlags)
	// The TiDB parser reads COUNT(*) as COUNT(1); give the server the
	// star back, which it stores as it stores a written one.
	sql = countStar.ReplaceAllString(sql, "${1}(*)")
	if err != nil {
		return p.errorAt(p.toks[0].off, "view %s: %v", name, err)
	}
	// Output names as the server gives them, from the query as written.
	var aliases []string
	if sel, ok := cv.Select.(*ast.SelectStmt); ok && sel.Fields != nil {
		for _, f := range sel.Fields.Fields {
			switch {
			case f.WildCard != nil:
				aliases = append(aliases, "*")
			case f.AsName.O != "":
				aliases = append(aliases, f.AsName.O)
			default:
				if c, ok := f.Expr.(*ast.ColumnNameExpr); ok {
					aliases = append(aliases, c.Name.Name.O)
				} else {
					aliases = append(aliases, strings.TrimSpace(f.Text()))
				}
			}
		}
	}
	keyNode, err := p.parseTiDB(sql)
	if err != nil {
		return p.errorAt(p.toks[0].off, "view %s: query does not read back: %v", name, err)
	}
	vn := &viewNormaliser{p: p, ctes: map[string]bool{}, refs: map[string]bool{}}
	keyNode.Accept(vn)
	if sel, ok := keyNode.(*ast.SelectStmt); ok && sel.Fields != nil {
		vn.expand(sel, aliases, cv.Cols)
		if vn.star {
			v.Star = true
		}
	} else {
		for _, c := range cv.Cols {
			v.Columns = append(v.Columns, c.O)
		}
	}
	keyNode.Accept(&normaliser{})
	key, err := restore(keyNode, keyFlags)
	if err != nil {
		return p.errorAt(p.toks[0].off, "view %s: %v", name, err)
	}
	v.Query = schema.Expr{SQL: sql, Key: key}
	for r := range vn.refs {
		v.Refs = append(v.Refs, schema.Name{Name: r})
	}
	slices.SortFunc(v.Refs, schema.Name.Compare)
	if old := p.views[name]; old != nil {
		if !cv.OrReplace {
			return p.errorAt(p.toks[0].off, "table %s already exists", name)
		}
		*old = *v
		return nil
	}
	p.views[name] = v
	delete(p.unmodelled, name)
	p.s.Views = append(p.s.Views, v)
	return nil
}

// viewNormaliser qualifies, unqualifies and collects relation names in a
// view's query.
type viewNormaliser struct {
	p    *state
	ctes map[string]bool
	refs map[string]bool
	star bool
}

func (v *viewNormaliser) Enter(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.CommonTableExpression:
		v.ctes[x.Name.L] = true
	case *ast.TableName:
		x.Schema = ast.NewCIStr("")
		if !v.ctes[x.Name.L] {
			v.refs[x.Name.O] = true
		}
	case *ast.SelectStmt:
		x.Where = truthValue(x.Where)
		if x.Having != nil {
			x.Having.Expr = truthValue(x.Having.Expr)
		}
		v.qualify(x)
	case *ast.Join:
		if x.On != nil {
			x.On.Expr = truthValue(x.On.Expr)
		}
	}
	return n, false
}

// truthValue writes a bare column used as a condition the way the server
// stores it: WHERE active becomes WHERE active <> 0.
func truthValue(e ast.ExprNode) ast.ExprNode {
	switch x := e.(type) {
	case *ast.ColumnNameExpr:
		return &ast.BinaryOperationExpr{Op: opcode.NE, L: x, R: ast.NewValueExpr(0, "", "")}
	case *ast.UnaryOperationExpr:
		if x.Op == opcode.Not {
			if c, ok := x.V.(*ast.ColumnNameExpr); ok {
				return &ast.BinaryOperationExpr{Op: opcode.EQ, L: c, R: ast.NewValueExpr(0, "", "")}
			}
		}
	case *ast.BinaryOperationExpr:
		if x.Op == opcode.LogicAnd || x.Op == opcode.LogicOr {
			x.L, x.R = truthValue(x.L), truthValue(x.R)
		}
	}
	return e
}

func (v *viewNormaliser) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// source is a relation in a FROM clause and the name its columns are
// qualified with.
type source struct {
	qual  string
	table *schema.Table
}

func (v *viewNormaliser) sources(sel *ast.SelectStmt) []source {
	var out []source
	var walk func(n ast.ResultSetNode)
	walk = func(n ast.ResultSetNode) {
		switch x := n.(type) {
		case *ast.Join:
			if x.Left != nil {
				walk(x.Left)
			}
			if x.Right != nil {
				walk(x.Right)
			}
		case *ast.TableSource:
			tn, ok := x.Source.(*ast.TableName)
			if !ok {
				if j, ok := x.Source.(*ast.Join); ok {
					walk(j)
					return
				}
				out = append(out, source{qual: x.AsName.O})
				return
			}
			q := tn.Name.O
			if x.AsName.O != "" {
				q = x.AsName.O
			}
			var t *schema.Table
			if tb := v.p.tables[tn.Name.O]; tb != nil && !v.ctes[tn.Name.L] {
				t = tb.t
			}
			out = append(out, source{qual: q, table: t})
		}
	}
	if sel.From != nil && sel.From.TableRefs != nil {
		walk(sel.From.TableRefs)
	}
	return out
}

// qualify writes columns the way the server stores them: with one
// relation, bare (the key drops the qualifier MariaDB adds); with more,
// qualified by the relation that has the column, when the model knows.
func (v *viewNormaliser) qualify(sel *ast.SelectStmt) {
	srcs := v.sources(sel)
	if len(srcs) == 0 {
		return
	}
	fix := &columnFixer{srcs: srcs}
	for _, part := range []ast.Node{sel.Fields, sel.Where, sel.GroupBy, sel.Having, sel.OrderBy} {
		if part != nil && !isNilNode(part) {
			part.Accept(fix)
		}
	}
	if sel.From != nil {
		sel.From.Accept(fix)
	}
}

func isNilNode(n ast.Node) bool {
	switch x := n.(type) {
	case *ast.FieldList:
		return x == nil
	case *ast.GroupByClause:
		return x == nil
	case *ast.HavingClause:
		return x == nil
	case *ast.OrderByClause:
		return x == nil
	case ast.ExprNode:
		return x == nil
	}
	return false
}

type columnFixer struct{ srcs []source }

func (f *columnFixer) Enter(n ast.Node) (ast.Node, bool) {
	switch x := n.(type) {
	case *ast.SubqueryExpr, *ast.SelectStmt, *ast.SetOprStmt:
		return n, true // a subquery has its own FROM, handled on its own
	case *ast.ColumnName:
		x.Schema = ast.NewCIStr("")
		if len(f.srcs) == 1 {
			if x.Table.O == "" || x.Table.O == f.srcs[0].qual {
				x.Table = ast.NewCIStr("")
			}
			return n, false
		}
		if x.Table.O == "" {
			var found string
			for _, s := range f.srcs {
				if s.table != nil && columnFold(s.table, x.Name.O) != nil {
					if found != "" {
						return n, false // ambiguous: leave it
					}
					found = s.qual
				}
			}
			if found != "" {
				x.Table = ast.NewCIStr(found)
			}
		}
	}
	return n, false
}

func (f *columnFixer) Leave(n ast.Node) (ast.Node, bool) { return n, true }

// expand gives every output column of the top-level select its name, as
// the server stores it: * expanded from the model's columns, then the
// view's column list or the alias the server would choose.
func (v *viewNormaliser) expand(sel *ast.SelectStmt, aliases []string, cols []ast.CIStr) {
	srcs := v.sources(sel)
	var fields []*ast.SelectField
	var names []string
	for i, f := range sel.Fields.Fields {
		if f.WildCard == nil {
			fields = append(fields, f)
			if i < len(aliases) {
				names = append(names, aliases[i])
			} else {
				names = append(names, "")
			}
			continue
		}
		expanded := false
		for _, s := range srcs {
			if f.WildCard.Table.O != "" && f.WildCard.Table.O != s.qual {
				continue
			}
			if s.table == nil {
				expanded = false
				break
			}
			for _, c := range s.table.Columns {
				cn := &ast.ColumnName{Name: ast.NewCIStr(c.Name)}
				if len(srcs) > 1 {
					cn.Table = ast.NewCIStr(s.qual)
				}
				fields = append(fields, &ast.SelectField{Expr: &ast.ColumnNameExpr{Name: cn}})
				names = append(names, c.Name)
			}
			expanded = true
		}
		if !expanded {
			v.star = true
			return
		}
	}
	for i, f := range fields {
		name := names[i]
		if i < len(cols) {
			name = cols[i].O
		}
		if name != "" {
			f.AsName = ast.NewCIStr(name)
		}
	}
	sel.Fields.Fields = fields
}
