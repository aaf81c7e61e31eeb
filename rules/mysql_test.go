package rules_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/rules"
	"github.com/zdplan/zdplan/schema"
)

// Hand-built MySQL schemas (parser/mysql's model conventions), so that
// the rules are tested without the MySQL parser.

var at = schema.Pos{File: "desired.sql", Line: 3, Col: 3}

func myCol(name, typ string, notNull bool, mods ...string) *schema.Column {
	return &schema.Column{Name: name, Type: &schema.Type{Name: typ, Mods: mods}, NotNull: notNull, Pos: at}
}

func myTable(cols ...*schema.Column) *schema.Schema {
	t := &schema.Table{Name: schema.Name{Name: "users"}, Columns: cols, Pos: at,
		Constraints: []*schema.Constraint{{Name: "PRIMARY", Kind: schema.PrimaryKey, Columns: []string{"id"}, Pos: at}}}
	return &schema.Schema{Dialect: "mysql", Tables: []*schema.Table{t}}
}

// myFindings plans type changes in place, so that ZD121 sees the copy.
func myFindings(from, to *schema.Schema, target string) map[string][]string {
	out := map[string][]string{}
	for _, f := range rules.Run(diff.Schemas(from, to), rules.Config{Target: target, TypeChange: planner.TypeChangeInPlace}) {
		out[f.Rule.ID] = append(out[f.Rule.ID], f.Object)
		if !f.Pos.IsValid() {
			panic("finding without position")
		}
	}
	return out
}

// TestMySQLRules: ZD121 fires on what the plan runs with ALGORITHM=COPY
// or LOCK=SHARED, ZD122 on online rebuilds, per target; neither on
// instant or in-place changes; and the PostgreSQL-only rules stay quiet.
func TestMySQLRules(t *testing.T) {
	id := myCol("id", "bigint", true)
	base := myTable(id, myCol("email", "varchar", false, "100"), myCol("u", "datetime", false))
	cases := []struct {
		name   string
		to     *schema.Schema
		target string
		want   map[string][]string
	}{
		{"instant add column", myTable(id, myCol("email", "varchar", false, "100"), myCol("u", "datetime", false), myCol("n", "int", false)), "",
			map[string][]string{}},
		{"type change copies", myTable(id, myCol("email", "text", false), myCol("u", "datetime", false)), "",
			map[string][]string{"ZD121": {"users.email"}}},
		{"varchar widening in place", myTable(id, myCol("email", "varchar", false, "120"), myCol("u", "datetime", false)), "",
			map[string][]string{}},
		{"SET NOT NULL rebuilds", myTable(id, myCol("email", "varchar", true, "100"), myCol("u", "datetime", false)), "",
			map[string][]string{"ZD122": {"users.email"}}},
		{"ON UPDATE: copy for MySQL", myTable(id, myCol("email", "varchar", false, "100"), func() *schema.Column {
			c := myCol("u", "datetime", false)
			c.SetExtra(func(e *schema.ColumnExtra) {
				e.OnUpdate = &schema.Expr{SQL: "CURRENT_TIMESTAMP", Key: "current_timestamp"}
			})
			return c
		}()), "mysql", map[string][]string{"ZD121": {"users.u"}}},
		{"ON UPDATE: instant on MariaDB", myTable(id, myCol("email", "varchar", false, "100"), func() *schema.Column {
			c := myCol("u", "datetime", false)
			c.SetExtra(func(e *schema.ColumnExtra) {
				e.OnUpdate = &schema.Expr{SQL: "CURRENT_TIMESTAMP", Key: "current_timestamp"}
			})
			return c
		}()), "mariadb", map[string][]string{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := myFindings(base, tc.to, tc.target)
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("findings (-want +got):\n%s", d)
			}
		})
	}
}
