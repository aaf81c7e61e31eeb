package postgres

import (
	"slices"
	"strings"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// exclusion reads an EXCLUDE constraint into con: its definition in the
// form pg_get_constraintdef prints it (deferrability aside, which the
// constraint's own fields hold), a normalised key of it for comparison,
// and the columns it reads.
func (p *state) exclusion(con *schema.Constraint, c *pg.Constraint) error {
	con.Kind = schema.Exclude
	if c.Indexspace != "" {
		return p.errorf(c.Location, "unsupported: USING INDEX TABLESPACE on EXCLUDE constraint")
	}
	method := c.AccessMethod
	if method == "" {
		method = "btree"
	}
	var sqlElems, keyElems []string
	addCols := func(cols ...string) {
		for _, col := range cols {
			if !slices.Contains(con.Columns, col) {
				con.Columns = append(con.Columns, col)
			}
		}
	}
	for _, ex := range c.Exclusions {
		pair := ex.GetList().GetItems()
		if len(pair) != 2 {
			return p.errorf(c.Location, "malformed EXCLUDE element")
		}
		ie := pair[0].GetIndexElem()
		key, _, err := p.indexKey(ie)
		if err != nil {
			return err
		}
		if key.Column != "" {
			addCols(truncateIdent(key.Column))
		} else {
			addCols(columnRefs(ie.Expr)...)
		}
		var op []string
		for _, n := range pair[1].GetList().GetItems() {
			op = append(op, n.GetString_().GetSval())
		}
		opSQL := strings.Join(op, ".")
		if len(op) > 1 {
			opSQL = "OPERATOR(" + opSQL + ")"
		}
		opKey := op[len(op)-1]
		if len(op) == 2 && op[0] != "pg_catalog" {
			opKey = opSQL
		}
		sqlElems = append(sqlElems, indexKeyText(key, false)+" WITH "+opSQL)
		keyElems = append(keyElems, indexKeyText(key, true)+" WITH "+opKey)
	}
	head := "EXCLUDE USING " + QuoteIdent(method) + " ("
	sqlDef, keyDef := head+strings.Join(sqlElems, ", ")+")", head+strings.Join(keyElems, ", ")+")"
	if len(c.Including) > 0 {
		var inc []string
		for _, n := range c.Including {
			col := truncateIdent(n.GetString_().GetSval())
			inc = append(inc, QuoteIdent(col))
		}
		sqlDef += " INCLUDE (" + strings.Join(inc, ", ") + ")"
		keyDef += " INCLUDE (" + strings.Join(inc, ", ") + ")"
	}
	if len(c.Options) > 0 {
		var opts []string
		for _, o := range c.Options {
			d := o.GetDefElem()
			if d == nil {
				continue
			}
			opt, err := defElemSetting(d)
			if err != nil {
				return p.errorf(c.Location, "EXCLUDE constraint: %v", err)
			}
			opts = append(opts, opt)
		}
		sqlDef += " WITH (" + strings.Join(opts, ", ") + ")"
		slices.Sort(opts)
		keyDef += " WITH (" + strings.Join(opts, ", ") + ")"
	}
	if c.WhereClause != nil {
		w, err := p.newExpr(c.WhereClause)
		if err != nil {
			return err
		}
		addCols(columnRefs(c.WhereClause)...)
		sqlDef += " WHERE (" + w.SQL + ")"
		keyDef += " WHERE (" + w.Key + ")"
	}
	con.Exclude = &schema.Expr{SQL: sqlDef, Key: keyDef}
	return nil
}

// exclusionNames are the names PostgreSQL derives from an EXCLUDE
// constraint's keys for its implicit name.
func exclusionNames(c *pg.Constraint) []string {
	var names []string
	for _, ex := range c.Exclusions {
		ie := ex.GetList().GetItems()[0].GetIndexElem()
		name := ie.Name
		if name == "" {
			if name = figureColname(ie.Expr); name == "" {
				name = "expr"
			}
		}
		if ie.Indexcolname != "" {
			name = ie.Indexcolname
		}
		names = append(names, name)
	}
	return names
}
