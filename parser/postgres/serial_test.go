package postgres

import (
	"testing"

	pg "github.com/pganalyze/pg_query_go/v5"

	"github.com/zdplan/zdplan/schema"
)

// TestSerialDefault: the default serialDefault builds is the one newExpr
// makes of the same text, for plain, quoted and schema-qualified names.
func TestSerialDefault(t *testing.T) {
	for _, seq := range []schema.Name{
		{Schema: "public", Name: "t_id_seq"},
		{Schema: "public", Name: "T a_id_seq"},
		{Schema: "s", Name: "u_id_seq"},
		{Schema: "My Schema", Name: `we"ird'_id_seq`},
		{Schema: "public", Name: "select_id_seq"},
		{Schema: "public", Name: "ünï_id_seq"},
	} {
		got := serialDefault(seq)
		p := newState("x.sql", nil)
		tree, err := pg.Parse("SELECT " + got.SQL)
		if err != nil {
			t.Fatalf("%v: %v", seq, err)
		}
		want, err := p.newExpr(tree.Stmts[0].Stmt.GetSelectStmt().TargetList[0].GetResTarget().Val)
		if err != nil {
			t.Fatalf("%v: %v", seq, err)
		}
		if *got != *want {
			t.Errorf("%v: serialDefault = %+v, newExpr = %+v", seq, *got, *want)
		}
	}
}
