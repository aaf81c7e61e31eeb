package live_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/live"
	"github.com/zdplan/zdplan/report"
)

func readSchema(t *testing.T, dsn string) pipeline.Input {
	t.Helper()
	d, err := live.ParseDSN(dsn)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	db, err := live.Open(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	src, err := db.Schema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.Input{Name: d.String(), Src: src}
}

func planJSON(t *testing.T, dialect string, current, desired pipeline.Input) string {
	t.Helper()
	res, err := pipeline.Run(current, desired, pipeline.Options{Dialect: dialect})
	if err != nil {
		t.Fatalf("plan %s -> %s: %v\n%s", current.Name, desired.Name, err, current.Src)
	}
	// Dumps carry session settings, which the parser notes; the schema
	// is what must be the same.
	res.Diagnostics = nil
	var b bytes.Buffer
	if err := report.JSON(&b, res); err != nil {
		t.Fatal(err)
	}
	// Locations in CURRENT point into different texts; everything else
	// must be the same.
	return currentPos.ReplaceAllString(strings.ReplaceAll(b.String(), current.Name, "CURRENT"), "CURRENT")
}

var currentPos = regexp.MustCompile(`CURRENT:\d+:\d+`)

func caseDirs(t *testing.T, dialect string) []string {
	dirs, err := filepath.Glob(filepath.Join("..", "testdata", dialect, "*", "desired.sql"))
	if err != nil || len(dirs) < 20 {
		t.Fatalf("cases of %s: %v (%d)", dialect, err, len(dirs))
	}
	for i := range dirs {
		dirs[i] = filepath.Dir(dirs[i])
	}
	return dirs
}

func file(t *testing.T, path string) pipeline.Input {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.Input{Name: path, Src: src}
}

// TestSchemaEquivalence loads each case's CURRENT and DESIRED into
// databases and reads them back: the plan from live CURRENT is the plan
// from the server's own dump of it (pg_dump, mariadb-dump), byte for byte
// but for file names, and has the same steps as the plan from the file;
// live DESIRED against DESIRED has no change at all.
func TestSchemaEquivalence(t *testing.T) {
	for _, dialect := range []string{"postgres", "mysql"} {
		t.Run(dialect, func(t *testing.T) {
			for i, dir := range caseDirs(t, dialect) {
				if testing.Short() && i%5 != 0 {
					continue
				}
				t.Run(filepath.Base(dir), func(t *testing.T) {
					t.Parallel()
					current, desired := file(t, filepath.Join(dir, "current.sql")), file(t, filepath.Join(dir, "desired.sql"))
					liveCurrent, dump := load(t, dialect, current)
					got, want := planJSON(t, dialect, liveCurrent, desired), planJSON(t, dialect, dump, desired)
					if d := cmp.Diff(want, got); d != "" {
						t.Errorf("plan from live CURRENT differs from the plan from its dump (-dump +live):\n%s\n-- live:\n%s", d, liveCurrent.Src)
					}
					if got, want := stepSummaries(t, dialect, liveCurrent, desired), stepSummaries(t, dialect, current, desired); !slices.Equal(got, want) {
						t.Errorf("plan from live CURRENT has other steps than the plan from the file:\n%s", cmp.Diff(want, got))
					}
					// The parser keeps some statements (comments on types,
					// some generated expressions) as written, so a dump of
					// DESIRED does not always compare equal to DESIRED;
					// the live schema must do exactly as well as the dump.
					liveDesired, dumpDesired := load(t, dialect, desired)
					res, err := pipeline.Run(liveDesired, desired, pipeline.Options{Dialect: dialect})
					if err != nil {
						t.Fatalf("%v\n%s", err, liveDesired.Src)
					}
					if !res.Plan.Empty() {
						t.Errorf("live DESIRED -> DESIRED plans %d steps, first: %s\n-- live:\n%s", len(res.Plan.Steps), res.Plan.Steps[0].SQL, liveDesired.Src)
					}
					if got, want := changes(t, dialect, liveDesired, desired), changes(t, dialect, dumpDesired, desired); !slices.Equal(got, want) {
						t.Errorf("live DESIRED -> DESIRED has other changes than its dump -> DESIRED:\n%s", cmp.Diff(want, got))
					}
				})
			}
		})
	}
}

// load runs in into a scratch database and returns its schema read live
// and as the server's dump tool writes it.
func load(t *testing.T, dialect string, in pipeline.Input) (live, dump pipeline.Input) {
	t.Helper()
	var cmd *exec.Cmd
	if dialect == "postgres" {
		db := pgtest.Require(t).CreateDB(t, "live")
		if err := db.ExecFile(in.Name); err != nil {
			t.Fatal(err)
		}
		live = readSchema(t, db.URL())
		s := db.Server()
		cmd = exec.Command("pg_dump", "--schema-only", "--no-owner", "-h", s.Host, "-p", strconv.Itoa(s.Port), "-U", s.User, db.Name)
	} else {
		db := mytest.Require(t).CreateDB(t, "live")
		if err := db.ExecFile(in.Name); err != nil {
			t.Fatal(err)
		}
		live = readSchema(t, db.URL())
		s := db.Server()
		cmd = exec.Command("mariadb-dump", "--no-defaults", "--protocol=TCP", "-h", s.Host, "-P", strconv.Itoa(s.Port), "-u", s.User, "--no-data", "--skip-dump-date", db.Name)
	}
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("%s: %v", cmd.Path, err)
	}
	if dialect == "postgres" {
		out = pgtest.NormaliseDump(out, pgtest.Require(t).User)
	}
	return live, pipeline.Input{Name: "dump.sql", Src: out}
}

func stepSummaries(t *testing.T, dialect string, current, desired pipeline.Input) []string {
	res, err := pipeline.Run(current, desired, pipeline.Options{Dialect: dialect})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range res.Plan.Steps {
		out = append(out, s.Phase.String()+": "+s.SQL)
	}
	slices.Sort(out)
	return out
}

// changes lists the kinds and objects of the diff's changes, sorted.
func changes(t *testing.T, dialect string, current, desired pipeline.Input) []string {
	res, err := pipeline.Run(current, desired, pipeline.Options{Dialect: dialect})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range res.Plan.Diff.Changes {
		out = append(out, c.Kind()+" "+c.Object())
	}
	slices.Sort(out)
	return out
}
