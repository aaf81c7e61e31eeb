// The MySQL counterpart of postgres_test.go: every case under
// testdata/mysql is planned with the mysql dialect, its phase files are
// applied (each twice) with mysql --batch to a MariaDB database loaded with
// CURRENT and its rows, and the result is compared, through
// information_schema only (internal/mytest), with DESIRED loaded into a
// fresh database.
//
// The helpers read, exists, render, hasUnsupported and
// equivalentKeys come from postgres_test.go (same package); the case list,
// planning and row counting are the MySQL versions below.
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
	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/report"
)

// mysqlCasesDir holds the MySQL cases; each is a directory with
// current.sql, desired.sql and optionally seed.sql, README, equivalent
// (snapshot keys to ignore, see equivalentKeys) and unsupported (zdplan is
// expected to refuse the case with an unplanned finding).
const mysqlCasesDir = "../../testdata/mysql"

func mysqlCases(t *testing.T) []tcase {
	t.Helper()
	entries, err := os.ReadDir(mysqlCasesDir)
	if err != nil {
		t.Fatal(err)
	}
	var out []tcase
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, tcase{e.Name(), filepath.Join(mysqlCasesDir, e.Name())})
		}
	}
	if len(out) < 24 {
		t.Fatalf("only %d cases under %s", len(out), mysqlCasesDir)
	}
	return out
}

// requireMySQLDialect skips tests that need zdplan to plan MySQL until a
// branch that registers the dialect is merged.
func requireMySQLDialect(t *testing.T) {
	t.Helper()
	if _, err := parser.Lookup("mysql"); err != nil {
		t.Skip("mysql dialect not registered")
	}
}

// planMySQL runs the pipeline with the mysql dialect and stable file names,
// so that golden files do not depend on where the repository is checked
// out.
func planMySQL(t *testing.T, current, desired []byte) *report.Result {
	t.Helper()
	res, err := pipeline.Run(pipeline.Input{Name: "current.sql", Src: current}, pipeline.Input{Name: "desired.sql", Src: desired},
		pipeline.Options{Dialect: "mysql"})
	if err != nil {
		t.Fatalf("plan: %v", err)
	}
	return res
}

// TestMySQLPlans checks the plan of every case against its golden files
// (plan.txt, plan.json; -update rewrites them), that planning is
// deterministic, and that a schema diffed against itself plans nothing.
func TestMySQLPlans(t *testing.T) {
	requireMySQLDialect(t)
	for _, c := range mysqlCases(t) {
		t.Run(c.name, func(t *testing.T) {
			current, desired := read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql"))
			res := planMySQL(t, current, desired)
			text, js := render(t, res)
			golden.Check(t, filepath.Join(c.dir, "plan.txt"), text)
			golden.Check(t, filepath.Join(c.dir, "plan.json"), js)

			text2, js2 := render(t, planMySQL(t, current, desired))
			if text2 != text || js2 != js {
				t.Error("planning the same input twice gave different output")
			}
			for name, src := range map[string][]byte{"current": current, "desired": desired} {
				if self := planMySQL(t, src, src); !self.Plan.Empty() {
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

// TestMySQLCases checks the cases themselves on the server, without
// zdplan: CURRENT, its seed rows and DESIRED load cleanly; a noop_ case's
// two files give the same snapshot (so "plans nothing" is the right
// answer), and any other case's do not (so it tests something).
func TestMySQLCases(t *testing.T) {
	srv := mytest.Require(t)
	for _, c := range mysqlCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			cur := loadCurrent(t, srv, c)
			want := loadDesired(t, srv, c)
			a, b := snapshot(t, cur), snapshot(t, want)
			dropEquivalent(t, c, a, b)
			d := mytest.Diff(b, a)
			switch noop := strings.HasPrefix(c.name, "noop_"); {
			case noop && d != "":
				t.Errorf("no-op case, but CURRENT and DESIRED differ on the server (- desired, + current):\n%s", d)
			case !noop && d == "":
				t.Errorf("CURRENT and DESIRED give the same schema; name the case noop_* or make it change something")
			}
		})
	}
}

// TestMySQL applies every plan to the real server and compares the result
// with DESIRED, through information_schema only. The DESIRED database is
// then dumped with mariadb-dump --no-data, and planning from the dump to
// DESIRED must give an empty plan, however differently the dump spells
// the same schema.
func TestMySQL(t *testing.T) {
	requireMySQLDialect(t)
	srv := mytest.Require(t)
	dumper := mysqldumpBinary()
	for _, c := range mysqlCases(t) {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			current, desired := read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql"))
			want := loadDesired(t, srv, c)
			t.Run("apply", func(t *testing.T) {
				res := planMySQL(t, current, desired)
				if hasUnsupported(res) {
					t.Skip("zdplan reports an unsupported construct for this case")
				}
				applyAndCompareMySQL(t, srv, c, res, want)
			})
			t.Run("mysqldump", func(t *testing.T) {
				if dumper == "" {
					t.Skip("neither mariadb-dump nor mysqldump installed")
				}
				mysqldumpRoundTrip(t, dumper, srv, want, desired)
			})
		})
	}
}

func applyAndCompareMySQL(t *testing.T, srv mytest.Server, c tcase, res *report.Result, want *mytest.DB) {
	files, err := report.WriteFiles(t.TempDir(), res)
	if err != nil {
		t.Fatal(err)
	}
	db := loadCurrent(t, srv, c)
	counts, err := db.RowCounts()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		// Twice: every phase file must be re-runnable.
		if err := db.ExecFileTwice(f); err != nil {
			t.Fatalf("%s: %v", filepath.Base(f), err)
		}
	}
	got, wantSnap := snapshot(t, db), snapshot(t, want)
	dropEquivalent(t, c, wantSnap, got)
	if d := mytest.Diff(wantSnap, got); d != "" {
		t.Errorf("schema after the plan differs from DESIRED (- desired, + migrated):\n%s", d)
	}
	// No row may be lost on the way: every table that survives keeps the
	// rows the seed put in.
	after, err := db.RowCounts()
	if err != nil {
		t.Fatal(err)
	}
	for table, n := range counts {
		if m, ok := after[table]; ok && m != n {
			t.Errorf("table %s had %d rows before the plan and %d after", table, n, m)
		}
	}
}

func mysqldumpRoundTrip(t *testing.T, dumper string, srv mytest.Server, db *mytest.DB, desired []byte) {
	cmd := exec.Command(dumper, "--no-defaults", "--protocol=TCP", "-h", srv.Host, "-P", strconv.Itoa(srv.Port), "-u", srv.User,
		"--no-data", "--skip-dump-date", db.Name)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	dump, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v: %s", dumper, err, stderr.String())
	}
	res := planMySQL(t, dump, desired)
	if !res.Plan.Empty() {
		var sums []string
		for _, s := range res.Plan.Steps {
			sums = append(sums, s.Phase.String()+": "+s.Summary)
		}
		t.Errorf("%s of DESIRED vs DESIRED plans %d steps:\n  %s", dumper, len(sums), strings.Join(sums, "\n  "))
	}
}

// mysqldumpBinary prefers MariaDB's name for the dump tool; Debian's
// mariadb-client also installs it as mysqldump.
func mysqldumpBinary() string {
	for _, name := range []string{"mariadb-dump", "mysqldump"} {
		if _, err := exec.LookPath(name); err == nil {
			return name
		}
	}
	return ""
}

// loadCurrent creates a database with the case's CURRENT schema and, if
// the case has one, its seed rows.
func loadCurrent(t *testing.T, srv mytest.Server, c tcase) *mytest.DB {
	t.Helper()
	db := srv.CreateDB(t, "e2e_my")
	if err := db.ExecFile(filepath.Join(c.dir, "current.sql")); err != nil {
		t.Fatalf("load current: %v", err)
	}
	if seed := filepath.Join(c.dir, "seed.sql"); exists(seed) {
		if err := db.ExecFile(seed); err != nil {
			t.Fatalf("seed: %v", err)
		}
	}
	return db
}

// loadDesired creates a database with the case's DESIRED schema.
func loadDesired(t *testing.T, srv mytest.Server, c tcase) *mytest.DB {
	t.Helper()
	db := srv.CreateDB(t, "e2e_my_want")
	if err := db.ExecFile(filepath.Join(c.dir, "desired.sql")); err != nil {
		t.Fatalf("load desired: %v", err)
	}
	return db
}

func snapshot(t *testing.T, db *mytest.DB) *mytest.Snapshot {
	t.Helper()
	s, err := db.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// dropEquivalent removes the keys a case's "equivalent" file lists from
// both snapshots.
func dropEquivalent(t *testing.T, c tcase, snaps ...*mytest.Snapshot) {
	t.Helper()
	for _, key := range equivalentKeys(t, c.dir) {
		for _, s := range snaps {
			delete(s.Objects, key)
		}
	}
}
