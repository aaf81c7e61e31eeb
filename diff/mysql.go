package diff

import (
	"maps"
	"slices"

	"github.com/zdplan/zdplan/schema"
)

// ModifyColumn changes MySQL column attributes that have no PostgreSQL
// counterpart: character set, ON UPDATE, AUTO_INCREMENT. MySQL restates
// the whole column to change any of them (MODIFY COLUMN), so the change
// carries both definitions; type, nullability, default and comment
// changes keep their own change kinds.
type ModifyColumn struct {
	Table    *schema.Table
	From, To *schema.Column
}

// AlterTableOptions changes MySQL table options: engine, default
// character set or collation. From and To are the option maps of the
// table in CURRENT and DESIRED.
type AlterTableOptions struct {
	Table    *schema.Table
	From, To map[string]string
}

func (ModifyColumn) Kind() string      { return "ModifyColumn" }
func (AlterTableOptions) Kind() string { return "AlterTableOptions" }

func (c ModifyColumn) Object() string      { return columnName(c.Table, c.To) }
func (c AlterTableOptions) Object() string { return c.Table.Name.String() }

func (c ModifyColumn) Pos() schema.Pos      { return c.To.Pos }
func (c AlterTableOptions) Pos() schema.Pos { return c.Table.Pos }

// mysqlColumn is the change for a difference in column attributes of a
// MySQL schema: a ModifyColumn, or Unsupported for what MySQL cannot
// change in place (VIRTUAL <-> STORED) or what the model does not know
// the meaning of (Options).
func mysqlColumn(t *schema.Table, from, to *schema.Column) Change {
	switch {
	case from.Virtual != to.Virtual:
		return Unsupported{What: "change between VIRTUAL and STORED of generated column", Name: columnName(t, to), At: to.Pos}
	case !maps.Equal(from.Extra().Options, to.Extra().Options):
		return Unsupported{What: "change of column attributes", Name: columnName(t, to), At: to.Pos}
	}
	return ModifyColumn{Table: t, From: from, To: to}
}

// tableOptions adds an AlterTableOptions for every MySQL table present in
// both schemas whose options differ.
func (d *differ) tableOptions() {
	if d.to.Dialect != "mysql" {
		return
	}
	for _, t := range d.to.Tables {
		if old := d.from.Table(t.Name); old != nil && optionsDiffer(old.Options, t.Options) {
			d.add(AlterTableOptions{Table: t, From: old.Options, To: t.Options})
		}
	}
}

// optionsDiffer compares the options both tables spell out. An option
// written on one side only is the server's default on the other, which a
// schema file does not say (a dump writes ENGINE=InnoDB, a hand-written
// file often does not): treating it as a change would plan a table copy
// for nothing.
func optionsDiffer(a, b map[string]string) bool {
	for _, k := range slices.Sorted(maps.Keys(a)) {
		if v, ok := b[k]; ok && v != a[k] {
			return true
		}
	}
	return false
}
