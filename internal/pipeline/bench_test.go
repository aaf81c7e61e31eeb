package pipeline

import (
	"fmt"

	pg "github.com/pganalyze/pg_query_go/v5"
	"strings"
	"testing"
)

// genSchema writes a PostgreSQL schema of n tables with mixed column
// types, a primary key, indexes, foreign keys to earlier tables, a view
// every 20 tables and an enum. With changed set, about 5% of the objects
// differ: added and dropped columns, widened types, new indexes and
// constraints.
func genSchema(n int, changed bool) []byte {
	var b strings.Builder
	b.WriteString("CREATE TYPE status AS ENUM ('new', 'active', 'closed');\n")
	for i := range n {
		c := changed && i%20 == 7
		fmt.Fprintf(&b, "CREATE TABLE t%d (\n  id bigserial PRIMARY KEY,\n", i)
		for j := range 5 + i%25 {
			switch j % 5 {
			case 0:
				fmt.Fprintf(&b, "  c%d integer NOT NULL DEFAULT 0,\n", j)
			case 1:
				w := 50
				if c {
					w = 100
				}
				fmt.Fprintf(&b, "  c%d varchar(%d),\n", j, w)
			case 2:
				fmt.Fprintf(&b, "  c%d timestamptz NOT NULL DEFAULT now(),\n", j)
			case 3:
				fmt.Fprintf(&b, "  c%d numeric(12,2) CHECK (c%d >= 0),\n", j, j)
			case 4:
				fmt.Fprintf(&b, "  c%d status,\n", j)
			}
		}
		if !c {
			b.WriteString("  legacy text,\n")
		} else {
			b.WriteString("  added text,\n")
		}
		if i > 0 {
			fmt.Fprintf(&b, "  parent_id bigint REFERENCES t%d (id),\n", i-1)
		}
		b.WriteString("  note text\n);\n")
		fmt.Fprintf(&b, "CREATE INDEX t%d_c0_idx ON t%d (c0);\n", i, i)
		if c {
			fmt.Fprintf(&b, "CREATE INDEX t%d_c2_idx ON t%d (c2) WHERE c0 > 0;\n", i, i)
		}
		if i%20 == 0 {
			fmt.Fprintf(&b, "CREATE VIEW v%d AS SELECT id, c0 FROM t%d WHERE c0 > 0;\n", i, i)
		}
	}
	return []byte(b.String())
}

func benchmarkPipeline(b *testing.B, n int) {
	cur, des := genSchema(n, false), genSchema(n, true)
	b.SetBytes(int64(len(cur) + len(des)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Run(Input{"current.sql", cur}, Input{"desired.sql", des}, Options{Dialect: "postgres"})
		if err != nil {
			b.Fatal(err)
		}
		if res.Plan.Empty() {
			b.Fatal("empty plan")
		}
	}
}

// The floor: pg_query's bare parse of both files, which the pipeline
// cannot beat.
func benchmarkBareParse(b *testing.B, n int) {
	cur, des := string(genSchema(n, false)), string(genSchema(n, true))
	b.SetBytes(int64(len(cur) + len(des)))
	for b.Loop() {
		if _, err := pg.Parse(cur); err != nil {
			b.Fatal(err)
		}
		if _, err := pg.Parse(des); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBareParse100(b *testing.B)  { benchmarkBareParse(b, 100) }
func BenchmarkBareParse1000(b *testing.B) { benchmarkBareParse(b, 1000) }

// The whole pipeline (parse both, diff, rules, plan) on generated schemas.
func BenchmarkPipeline100(b *testing.B)  { benchmarkPipeline(b, 100) }
func BenchmarkPipeline1000(b *testing.B) { benchmarkPipeline(b, 1000) }

func TestGeneratedSchemaPlans(t *testing.T) {
	cur, des := genSchema(60, false), genSchema(60, true)
	res, err := Run(Input{"current.sql", cur}, Input{"desired.sql", des}, Options{Dialect: "postgres"})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, c := range res.Plan.Diff.Changes {
		kinds[c.Kind()]++
	}
	// Tables 7, 27 and 47 change: a column swapped, every varchar widened
	// (3, 2 and 6 of them), an index added.
	want := map[string]int{"AddColumn": 3, "DropColumn": 3, "AlterColumnType": 11, "AddIndex": 3}
	for k, n := range want {
		if kinds[k] != n {
			t.Errorf("%s: %d changes, want %d (all: %v)", k, kinds[k], n, kinds)
		}
	}
	if self, _ := Run(Input{"a", cur}, Input{"b", cur}, Options{}); !self.Plan.Empty() {
		t.Errorf("generated schema against itself plans %d steps", len(self.Plan.Steps))
	}
}
