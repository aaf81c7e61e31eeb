// Package e2e runs every case under testdata/postgres through zdplan and
// then on the real PostgreSQL server: load CURRENT and its rows, apply each
// phase file twice (they must be re-runnable), and compare the catalog
// with DESIRED loaded into a fresh database. Golden files pin the output;
// the database proves it.
package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/internal/golden"
	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/report"
)

// casesDirs hold the cases: the test cases, and the bundled examples, so
// that what the README shows is proven too.
var casesDirs = []string{"../../testdata/postgres", "../../examples"}

type tcase struct {
	name, dir string
}

func cases(t *testing.T) []tcase {
	var out []tcase
	for _, dir := range casesDirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				out = append(out, tcase{e.Name(), filepath.Join(dir, e.Name())})
			}
		}
	}
	if len(out) < 30 {
		t.Fatalf("only %d cases under %v", len(out), casesDirs)
	}
	return out
}

func read(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// plan runs the pipeline on a case with stable file names, so that golden
// files do not depend on where the repository is checked out.
func plan(t *testing.T, current, desired []byte) *report.Result {
	t.Helper()
	res, err := pipeline.Run(pipeline.Input{Name: "current.sql", Src: current}, pipeline.Input{Name: "desired.sql", Src: desired}, pipeline.Options{})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	return res
}

func render(t *testing.T, res *report.Result) (text, js string) {
	t.Helper()
	var a, b bytes.Buffer
	if err := report.Text(&a, res, report.TextOptions{Verbose: true}); err != nil {
		t.Fatal(err)
	}
	if err := report.JSON(&b, res); err != nil {
		t.Fatal(err)
	}
	return a.String(), b.String()
}

func hasUnsupported(res *report.Result) bool {
	for _, f := range res.Findings {
		if f.Rule.Unplanned {
			return true
		}
	}
	return false
}

// TestPlans checks the plan of every case against its golden files, that
// planning is deterministic, and that a schema diffed against itself
// plans nothing.
func TestPlans(t *testing.T) {
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			current, desired := read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql"))
			res := plan(t, current, desired)
			text, js := render(t, res)
			golden.Check(t, filepath.Join(c.dir, "plan.txt"), text)
			golden.Check(t, filepath.Join(c.dir, "plan.json"), js)

			text2, js2 := render(t, plan(t, current, desired))
			if text2 != text || js2 != js {
				t.Error("planning the same input twice gave different output")
			}
			for name, src := range map[string][]byte{"current": current, "desired": desired} {
				if self := plan(t, src, src); !self.Plan.Empty() {
					t.Errorf("%s diffed against itself plans %d steps, first: %s", name, len(self.Plan.Steps), self.Plan.Steps[0].Summary)
				}
			}
			if want := exists(filepath.Join(c.dir, "unsupported")); hasUnsupported(res) != want {
				t.Errorf("unsupported finding = %v, want %v (an 'unsupported' marker file says a case expects one)", !want, want)
			}
			if strings.HasPrefix(c.name, "noop_") && !res.Plan.Empty() {
				t.Errorf("no-op case plans %d steps, first: %s", len(res.Plan.Steps), res.Plan.Steps[0].Summary)
			}
		})
	}
}

// TestPostgres applies every plan to the real server and compares the
// result with DESIRED, through catalog queries only. The same DESIRED
// database is then dumped with pg_dump --schema-only, and planning from the
// dump to DESIRED must give an empty plan, however differently pg_dump
// spells the same schema.
func TestPostgres(t *testing.T) {
	srv := pgtest.Require(t)
	_, err := exec.LookPath("pg_dump")
	havePgDump := err == nil
	for _, c := range cases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			current, desired := read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql"))
			want := srv.CreateDB(t, "e2e_want")
			if err := want.ExecFile(filepath.Join(c.dir, "desired.sql")); err != nil {
				t.Fatalf("load desired: %v", err)
			}
			t.Run("apply", func(t *testing.T) {
				res := plan(t, current, desired)
				if hasUnsupported(res) {
					t.Skip("zdplan reports an unsupported construct for this case")
				}
				applyAndCompare(t, srv, c, res, want)
			})
			t.Run("pg_dump", func(t *testing.T) {
				if !havePgDump {
					t.Skip("pg_dump not installed")
				}
				pgDumpRoundTrip(t, srv, want, desired)
			})
		})
	}
}

func applyAndCompare(t *testing.T, srv pgtest.Server, c tcase, res *report.Result, want *pgtest.DB) {
	files, err := report.WriteFiles(t.TempDir(), res)
	if err != nil {
		t.Fatal(err)
	}
	db := srv.CreateDB(t, "e2e")
	if err := db.ExecFile(filepath.Join(c.dir, "current.sql")); err != nil {
		t.Fatalf("load current: %v", err)
	}
	seed := filepath.Join(c.dir, "seed.sql")
	counts := map[string]string{}
	if exists(seed) {
		if err := db.ExecFile(seed); err != nil {
			t.Fatalf("seed: %v", err)
		}
		counts = rowCounts(t, db)
	}
	for _, f := range files {
		for run := 1; run <= 2; run++ {
			if err := db.ExecFile(f); err != nil {
				t.Fatalf("%s (run %d): %v", filepath.Base(f), run, err)
			}
		}
	}
	got, err := db.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	wantSnap, err := want.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range equivalentKeys(t, c.dir) {
		delete(wantSnap.Objects, key)
		delete(got.Objects, key)
	}
	if d := pgtest.Diff(wantSnap, got); d != "" {
		t.Errorf("schema after the plan differs from DESIRED (- desired, + migrated):\n%s", d)
	}
	// No row may be lost on the way: every table that survives keeps the
	// rows the seed put in.
	after := rowCounts(t, db)
	for table, n := range counts {
		if m, ok := after[table]; ok && m != n {
			t.Errorf("table %s had %s rows before the plan and %s after", table, n, m)
		}
	}
}

func pgDumpRoundTrip(t *testing.T, srv pgtest.Server, db *pgtest.DB, desired []byte) {
	cmd := exec.Command("pg_dump", "--schema-only", "--no-owner", "-h", srv.Host, "-p", strconv.Itoa(srv.Port), "-U", srv.User, db.Name)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dump, err := cmd.Output()
	if err != nil {
		t.Fatalf("pg_dump: %v: %s", err, stderr.String())
	}
	dump = pgtest.NormaliseDump(dump, srv.User)
	res, err := pipeline.Run(pipeline.Input{Name: "dump.sql", Src: dump}, pipeline.Input{Name: "desired.sql", Src: desired}, pipeline.Options{})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	if !res.Plan.Empty() {
		var sums []string
		for _, s := range res.Plan.Steps {
			sums = append(sums, s.Phase.String()+": "+s.Summary)
		}
		t.Errorf("pg_dump of DESIRED vs DESIRED plans %d steps:\n  %s", len(sums), strings.Join(sums, "\n  "))
	}
}

// equivalentKeys reads a case's "equivalent" file: snapshot keys whose
// catalog text differs although the definitions mean the same — PostgreSQL
// stores CHECK (c IN ('a','b')) on a varchar column differently from the
// = ANY (ARRAY[...]) form pg_dump prints for it. Each line is a key,
// optionally followed by "# reason".
func equivalentKeys(t *testing.T, dir string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "equivalent"))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, line := range strings.Split(string(b), "\n") {
		if k, _, _ := strings.Cut(line, "#"); strings.TrimSpace(k) != "" {
			keys = append(keys, strings.TrimSpace(k))
		}
	}
	return keys
}

// rowCounts counts the rows of every user table.
func rowCounts(t *testing.T, db *pgtest.DB) map[string]string {
	t.Helper()
	rows, err := db.Query(`SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	counts := map[string]string{}
	for _, table := range rows {
		n, err := db.Query("SELECT count(*) FROM " + table)
		if err != nil {
			t.Fatal(err)
		}
		counts[table] = n[0]
	}
	return counts
}
