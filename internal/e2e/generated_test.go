package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/internal/schemagen"
)

// generatedTables is the size of the benchmark schema pair proven on the
// servers: large enough for every kind of change schemagen makes (a table
// is dropped every 100).
const generatedTables = 100

// TestGeneratedSchema applies the plan between the benchmark's generated
// schemas (internal/schemagen) on both servers, each phase file twice, and
// compares the result with DESIRED, so that the input the performance
// numbers are measured on is a plan that works, not only one that is made.
func TestGeneratedSchema(t *testing.T) {
	for _, dialect := range schemagen.Dialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			c := tcase{name: "generated", dir: t.TempDir()}
			current := schemagen.Schema(dialect, generatedTables, false)
			desired := schemagen.Schema(dialect, generatedTables, true)
			for name, src := range map[string][]byte{"current.sql": current, "desired.sql": desired} {
				if err := os.WriteFile(filepath.Join(c.dir, name), src, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if dialect == "mysql" {
				srv := mytest.Require(t)
				applyAndCompareMySQL(t, srv, c, planMySQL(t, current, desired), loadDesired(t, srv, c))
				return
			}
			srv := pgtest.Require(t)
			want := srv.CreateDB(t, "e2e_gen_want")
			if err := want.ExecFile(filepath.Join(c.dir, "desired.sql")); err != nil {
				t.Fatal(err)
			}
			applyAndCompare(t, srv, c, plan(t, current, desired), want)
		})
	}
}
