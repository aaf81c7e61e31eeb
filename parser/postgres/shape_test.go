package postgres

import (
	"strings"
	"testing"

	pg "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// TestAppendShape checks the shape key against the general memo key (the
// node marshalled without positions): the same for an expression
// wherever it stands, and equal for two expressions exactly when theirs
// are.
func TestAppendShape(t *testing.T) {
	exprs := []string{
		"0", "1", "00", "-1", "1.5", "1.50", "'a'", "'ab'", "'a' || 'b'", "'a'::text", "'a'::varchar(10)",
		"'a'::varchar(20)", "'a'::text[]", "'{}'::int[][]", "true", "false", "NULL", "B'101'", "X'1F'",
		"now()", "pg_catalog.now()", "now(1)", "lower(c)", "lower(c, d)", "c", "t.c", "c >= 0", "c > 0", "c >= 1",
		"d >= 0", "0 <= c", "c = ANY (ARRAY[1, 2])", "c IN (1, 2)", "c IN (1, 2, 3)", "c BETWEEN 1 AND 2",
		"c IS NULL", "a AND b", "a OR b", "NOT a", "a AND b AND c", "CURRENT_TIMESTAMP", "CURRENT_TIMESTAMP(3)",
		"CURRENT_DATE", "localtimestamp", "CURRENT_USER", "(c)::text", "c::text::varchar", "'x'", "'x '",
		"'1'", "1::text", "interval '1 day'", "c->>'k'", "c ~ 'x'", "c ILIKE 'x%'", "c LIKE 'x%'", "c ~~ 'x%'",
		"count(*)", "nextval('s'::regclass)", "coalesce(a, b)", "CASE WHEN a THEN 1 END", "c % 2 = 0",
	}
	type keys struct {
		shape string
		ok    bool
		slow  string
	}
	at := func(pad int, expr string) keys {
		tree, err := pg.Parse("SELECT " + strings.Repeat(" ", pad) + expr)
		if err != nil {
			t.Fatalf("%s: %v", expr, err)
		}
		n := tree.Stmts[0].Stmt.GetSelectStmt().TargetList[0].GetResTarget().Val
		shape, ok := appendShape(nil, n)
		c := proto.Clone(n).(*pg.Node)
		clearLocations(c.ProtoReflect())
		slow, err := proto.MarshalOptions{Deterministic: true}.Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		return keys{string(shape), ok, string(slow)}
	}
	var all []keys
	shaped := 0
	for _, e := range exprs {
		k, moved := at(0, e), at(7, e)
		if k != moved {
			t.Errorf("%s: the keys depend on where it stands", e)
		}
		if k.ok {
			shaped++
		}
		all = append(all, k)
	}
	if shaped < len(exprs)*3/4 {
		t.Errorf("only %d of %d expressions have a shape key", shaped, len(exprs))
	}
	for i, a := range all {
		for j, b := range all[:i] {
			if a.ok && b.ok && (a.shape == b.shape) != (a.slow == b.slow) {
				t.Errorf("%q and %q: shape keys equal %v, general keys equal %v", exprs[i], exprs[j], a.shape == b.shape, a.slow == b.slow)
			}
		}
	}
	for i, k := range all {
		if k.ok && strings.Contains(exprs[i], "nextval") {
			t.Errorf("%s has a shape key; canonicalise rewrites it by the search path", exprs[i])
		}
	}
}
