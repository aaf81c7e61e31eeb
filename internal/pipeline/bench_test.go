package pipeline

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"testing"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/internal/schemagen"
	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/report"
	"github.com/zdplan/zdplan/rules"
)

// benchSizes are the table counts benchmarked; 10,000 only with
// -bench ... -benchtime, since one run of it takes seconds.
var benchSizes = []int{100, 1000, 10000}

// benchPairs runs one sub-benchmark per dialect and size on the generated
// pair, with the input size and allocations reported; run is one
// iteration.
func benchPairs(b *testing.B, run func(b *testing.B, dialect string, cur, des []byte)) {
	for _, d := range schemagen.Dialects {
		for _, n := range benchSizes {
			cur, des := schemagen.Schema(d, n, false), schemagen.Schema(d, n, true)
			b.Run(fmt.Sprintf("%s/%d", d, n), func(b *testing.B) {
				b.SetBytes(int64(len(cur) + len(des)))
				b.ReportAllocs()
				for b.Loop() {
					run(b, d, cur, des)
				}
			})
		}
	}
}

// BareParse is the floor: the parser library alone reading both files
// (pg_query for PostgreSQL, the TiDB parser for MySQL), sequentially, as
// one script each.
func BenchmarkBareParse(b *testing.B) {
	benchPairs(b, func(b *testing.B, d string, cur, des []byte) {
		for _, src := range [][]byte{cur, des} {
			if err := BareParse(d, src); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// The whole pipeline (parse both files, diff, rules, plan) on generated
// schemas.
func BenchmarkPipeline(b *testing.B) {
	benchPairs(b, func(b *testing.B, d string, cur, des []byte) {
		res, err := Run(Input{"current.sql", cur}, Input{"desired.sql", des}, Options{Dialect: d})
		if err != nil {
			b.Fatal(err)
		}
		if res.Plan.Empty() {
			b.Fatal("empty plan")
		}
	})
}

// stageTables sizes BenchmarkStage's input; compare two sizes to see which
// stage grows faster than its input.
var stageTables = flag.Int("stage-tables", 1000, "tables in BenchmarkStage's schemas")

// BenchmarkStage measures each stage alone on the 1,000-table pair (or
// -stage-tables), so that a regression shows where it is.
func BenchmarkStage(b *testing.B) {
	n := *stageTables
	for _, d := range schemagen.Dialects {
		cur, des := schemagen.Schema(d, n, false), schemagen.Schema(d, n, true)
		dl, err := parser.Lookup(d)
		if err != nil {
			b.Fatal(err)
		}
		from, _, err := dl.Parse("current.sql", cur)
		if err != nil {
			b.Fatal(err)
		}
		to, _, err := dl.Parse("desired.sql", des)
		if err != nil {
			b.Fatal(err)
		}
		df := diff.Schemas(from, to)
		plan, err := planner.New(df, planner.Options{})
		if err != nil {
			b.Fatal(err)
		}
		res := &report.Result{Current: "current.sql", Desired: "desired.sql", Plan: plan, Findings: rules.Run(df, rules.Config{})}
		stages := []struct {
			name string
			run  func() error
		}{
			{"parse", func() error { _, _, err := dl.Parse("desired.sql", des); return err }},
			{"diff", func() error { diff.Schemas(from, to); return nil }},
			{"rules", func() error { rules.Run(df, rules.Config{}); return nil }},
			{"plan", func() error { _, err := planner.New(df, planner.Options{}); return err }},
			{"render-text", func() error { return report.Text(io.Discard, res, report.TextOptions{}) }},
			{"render-json", func() error { return report.JSON(io.Discard, res) }},
		}
		for _, s := range stages {
			b.Run(fmt.Sprintf("%s/%s", d, s.name), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := s.run(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestGeneratedSchemaPlans keeps the benchmark input honest: the changed
// variant plans every kind of change the generator makes, nothing is left
// unplanned, and each file against itself plans nothing.
func TestGeneratedSchemaPlans(t *testing.T) {
	for _, d := range schemagen.Dialects {
		t.Run(d, func(t *testing.T) {
			cur, des := schemagen.Schema(d, 100, false), schemagen.Schema(d, 100, true)
			res, err := Run(Input{"current.sql", cur}, Input{"desired.sql", des}, Options{Dialect: d})
			if err != nil {
				t.Fatal(err)
			}
			kinds := map[string]int{}
			for _, c := range res.Plan.Diff.Changes {
				kinds[c.Kind()]++
			}
			// Tables 7, 27, 47, 67 and 87 change (qty retyped, legacy
			// swapped for added, every varchar widened, an index added),
			// 13, 53 and 93 rename a column, 99 is dropped, one table is
			// new.
			for _, k := range []string{"AddColumn", "DropColumn", "AlterColumnType", "AddIndex", "RenameColumn", "CreateTable", "DropTable"} {
				if kinds[k] == 0 {
					t.Errorf("no %s change (all: %v)", k, kinds)
				}
			}
			if kinds["RenameColumn"] != 3 || kinds["DropTable"] != 1 || kinds["CreateTable"] != 1 {
				t.Errorf("renames, drops, creates = %d, %d, %d; want 3, 1, 1 (all: %v)", kinds["RenameColumn"], kinds["DropTable"], kinds["CreateTable"], kinds)
			}
			for _, f := range res.Findings {
				if f.Rule != nil && f.Rule.Unplanned {
					t.Errorf("unplanned: %s: %s", f.Pos, f.Message)
				}
			}
			for name, src := range map[string][]byte{"current": cur, "desired": des} {
				self, err := Run(Input{"a.sql", src}, Input{"b.sql", src}, Options{Dialect: d})
				if err != nil {
					t.Fatal(err)
				}
				if !self.Plan.Empty() {
					t.Errorf("%s against itself plans %d steps", name, len(self.Plan.Steps))
				}
			}
		})
	}
}

// TestModelMemory keeps the model within its memory budget: the live heap
// a plan of the 1,000-table pair leaves (both models and the plan, not the
// input) per byte of input. The 10,000-table pair's peak memory target
// (docs/performance.md) rests on it: 7.8 bytes per byte for PostgreSQL
// and 6.1 for MySQL when measured, 10.2 and 8.4 before columns shared
// their types (parser.Types) and names, and tables their options.
func TestModelMemory(t *testing.T) {
	budget := map[string]float64{"postgres": 8.5, "mysql": 7}
	for _, d := range schemagen.Dialects {
		cur, des := schemagen.Schema(d, 1000, false), schemagen.Schema(d, 1000, true)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res, err := Run(Input{"current.sql", cur}, Input{"desired.sql", des}, Options{Dialect: d})
		if err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		perByte := float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(len(cur)+len(des))
		t.Logf("%s: %.2f bytes live per byte of input", d, perByte)
		if perByte > budget[d] {
			t.Errorf("%s: the plan of the 1,000-table pair keeps %.1f bytes live per byte of input, over the budget of %.1f", d, perByte, budget[d])
		}
		runtime.KeepAlive(res)
	}
}

// TestModelFragmentation keeps the model's objects out of the spans the
// parse's garbage fills (parser.Slabs, parser.Options): the free slots a
// plan of the 1,000-table pair leaves in spans that also hold live
// objects, against the live objects. They were 0.85 (PostgreSQL) and
// 0.62 (MySQL) before the slabs, 0.22 and 0.23 after. It measures in a
// fresh process, as the heap the other tests leave would count.
func TestModelFragmentation(t *testing.T) {
	if d := os.Getenv("ZDPLAN_FRAGMENTATION_CHILD"); d != "" {
		cur, des := schemagen.Schema(d, 1000, false), schemagen.Schema(d, 1000, true)
		res, err := Run(Input{"current.sql", cur}, Input{"desired.sql", des}, Options{Dialect: d})
		if err != nil {
			t.Fatal(err)
		}
		runtime.GC()
		s := []metrics.Sample{{Name: "/memory/classes/heap/unused:bytes"}, {Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(s)
		fmt.Printf("fragmentation %.3f\n", float64(s[0].Value.Uint64())/float64(s[1].Value.Uint64()))
		runtime.KeepAlive(res)
		return
	}
	const budget = 0.4
	for _, d := range schemagen.Dialects {
		cmd := exec.Command(os.Args[0], "-test.run=^TestModelFragmentation$")
		cmd.Env = append(os.Environ(), "ZDPLAN_FRAGMENTATION_CHILD="+d)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", d, err, out)
		}
		var frag float64
		if _, err := fmt.Sscanf(string(out), "fragmentation %f", &frag); err != nil {
			t.Fatalf("%s: child printed %q", d, out)
		}
		t.Logf("%s: free slots in in-use spans are %.2f of the live objects", d, frag)
		if frag > budget {
			t.Errorf("%s: a plan of the 1,000-table pair leaves free slots in in-use spans of %.2f of its live objects, over the budget of %.2f", d, frag, budget)
		}
	}
}
