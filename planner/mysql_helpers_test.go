package planner_test

import (
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// Hand-built MySQL schemas, in the shape parser/mysql produces (see its
// model conventions): lower-case types, PRIMARY KEY named PRIMARY, UNIQUE
// and KEY as indexes, the index InnoDB creates for a foreign key listed
// as an ordinary index.

func expr(sql string) *schema.Expr { return &schema.Expr{SQL: sql, Key: strings.ToLower(sql)} }

type colOpt func(*schema.Column)

var (
	notNull colOpt = func(c *schema.Column) { c.NotNull = true }
	autoInc colOpt = func(c *schema.Column) { c.AutoIncrement = true }
)

func def(sql string) colOpt { return func(c *schema.Column) { c.Default = expr(sql) } }
func onUpdate(sql string) colOpt {
	return func(c *schema.Column) { c.SetExtra(func(e *schema.ColumnExtra) { e.OnUpdate = expr(sql) }) }
}
func comment(s string) colOpt {
	return func(c *schema.Column) { c.SetExtra(func(e *schema.ColumnExtra) { e.Comment = s }) }
}
func charset(s string) colOpt {
	return func(c *schema.Column) { c.SetExtra(func(e *schema.ColumnExtra) { e.Charset = s }) }
}
func mods(m ...string) colOpt   { return func(c *schema.Column) { c.Type.Mods = m } }
func unsigned(c *schema.Column) { c.Type.Unsigned = true }
func virtual(sql string) colOpt {
	return func(c *schema.Column) {
		c.SetExtra(func(e *schema.ColumnExtra) { e.Generated = expr(sql) })
		c.Virtual = true
	}
}

func col(name, typ string, opts ...colOpt) *schema.Column {
	c := &schema.Column{Name: name, Type: &schema.Type{Name: typ}, Pos: schema.Pos{File: "t.sql", Line: 1, Col: 1}}
	for _, o := range opts {
		o(c)
	}
	return c
}

func pk(cols ...string) *schema.Constraint {
	return &schema.Constraint{Name: "PRIMARY", Kind: schema.PrimaryKey, Columns: cols}
}

func check(name, sql string) *schema.Constraint {
	return &schema.Constraint{Name: name, Kind: schema.Check, Check: expr(sql)}
}

func fk(name string, cols []string, ref string, refCols []string, onDelete string) *schema.Constraint {
	return &schema.Constraint{Name: name, Kind: schema.ForeignKey, Columns: cols,
		Ref: &schema.Reference{Table: schema.Name{Name: ref}, Columns: refCols, OnDelete: onDelete, OnUpdate: "NO ACTION", Match: "SIMPLE"}}
}

type option [2]string

// table builds a table from columns, constraints and options.
func table(name string, parts ...any) *schema.Table {
	t := &schema.Table{Name: schema.Name{Name: name}, Options: map[string]string{}, Pos: schema.Pos{File: "t.sql", Line: 1, Col: 1}}
	for _, p := range parts {
		switch p := p.(type) {
		case *schema.Column:
			t.Columns = append(t.Columns, p)
		case *schema.Constraint:
			t.Constraints = append(t.Constraints, p)
		case option:
			t.Options[p[0]] = p[1]
		case string:
			t.Comment = p
		}
	}
	return t
}

// index builds an index; keys are column names, "col(10)" for a prefix.
func index(tbl, name string, unique bool, keys ...string) *schema.Index {
	i := &schema.Index{Name: schema.Name{Name: name}, Table: schema.Name{Name: tbl}, Unique: unique, Pos: schema.Pos{File: "t.sql", Line: 1, Col: 1}}
	for _, k := range keys {
		key := schema.IndexKey{Column: k}
		if c, l, ok := strings.Cut(k, "("); ok {
			key.Column = c
			for _, ch := range strings.TrimSuffix(l, ")") {
				key.Length = key.Length*10 + int(ch-'0')
			}
		}
		i.Keys = append(i.Keys, key)
	}
	return i
}

func fulltext(tbl, name string, keys ...string) *schema.Index {
	i := index(tbl, name, false, keys...)
	i.Method = "FULLTEXT"
	return i
}

func view(name, query string, refs ...string) *schema.View {
	v := &schema.View{Name: schema.Name{Name: name}, Query: *expr(query), Pos: schema.Pos{File: "t.sql", Line: 1, Col: 1}}
	for _, r := range refs {
		v.Refs = append(v.Refs, schema.Name{Name: r})
	}
	return v
}

// mysqlSchema builds a schema from tables, indexes and views.
func mysqlSchema(objs ...any) *schema.Schema {
	s := &schema.Schema{Dialect: "mysql"}
	for _, o := range objs {
		switch o := o.(type) {
		case *schema.Table:
			s.Tables = append(s.Tables, o)
		case *schema.Index:
			s.Indexes = append(s.Indexes, o)
		case *schema.View:
			s.Views = append(s.Views, o)
		}
	}
	return s
}
