package e2e

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/report"
)

// layoutCases are applied in every --out-dir layout: a breaking change
// (all three phases, sync triggers, a batched backfill) and an addition
// of a table, a column, a foreign key and an index.
var layoutCases = []string{"breaking_rename_column_person_surname", "column_add_with_fk_and_index"}

// upFiles writes a layout and returns the files a migration tool would
// run going up, in its order.
func upFiles(t *testing.T, res *report.Result, layout string) []string {
	t.Helper()
	paths, _, err := report.WriteLayout(t.TempDir(), res, report.FileOptions{Layout: layout, VersionStart: 8})
	if err != nil {
		t.Fatal(err)
	}
	var ups []string
	for _, p := range paths {
		if !strings.HasSuffix(p, ".down.sql") && !strings.HasSuffix(p, ".conf") {
			ups = append(ups, p)
		}
	}
	return ups
}

func pgSnapshot(t *testing.T, db *pgtest.DB) *pgtest.Snapshot {
	t.Helper()
	s, err := db.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestLayoutsPostgres applies the flyway, golang-migrate and pre-post
// files of a plan in order and compares the catalog with the phases
// layout applied to another copy of CURRENT.
func TestLayoutsPostgres(t *testing.T) {
	srv := pgtest.Require(t)
	for _, name := range layoutCases {
		c := tcase{name, filepath.Join("../../testdata/postgres", name)}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			res := plan(t, read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql")))
			apply := func(layout string) *pgtest.Snapshot {
				db := srv.CreateDB(t, "e2e_layout")
				if err := db.ExecFile(filepath.Join(c.dir, "current.sql")); err != nil {
					t.Fatalf("load current: %v", err)
				}
				for _, f := range upFiles(t, res, layout) {
					if err := db.ExecFile(f); err != nil {
						t.Fatalf("%s %s: %v", layout, filepath.Base(f), err)
					}
				}
				return pgSnapshot(t, db)
			}
			want := apply(report.LayoutPhases)
			for _, layout := range report.Layouts[1:] {
				if d := pgtest.Diff(want, apply(layout)); d != "" {
					t.Errorf("layout %s differs from the phase files (- phases, + %s):\n%s", layout, layout, d)
				}
			}
		})
	}
}

// undoable reports whether a plan is expand alone and every change in it
// has a reverse step: its golang-migrate down file must then bring the
// database back to CURRENT.
func undoable(res *report.Result) bool {
	if res.Plan.Empty() || len(res.Plan.PhaseSteps(planner.Expand)) != len(res.Plan.Steps) {
		return false
	}
	undone := map[string]bool{}
	for _, s := range res.Plan.Steps {
		undone[s.Change+" "+s.Object] = undone[s.Change+" "+s.Object] || s.Reverse != ""
	}
	for _, ok := range undone {
		if !ok {
			return false
		}
	}
	return true
}

// TestGolangMigrateDownPostgres: for every expand-only case whose changes
// all have a reverse, up then down (twice: re-runnable) gives CURRENT's
// catalog back.
func TestGolangMigrateDownPostgres(t *testing.T) {
	srv := pgtest.Require(t)
	n := 0
	for _, c := range cases(t) {
		res := plan(t, read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql")))
		if !undoable(res) || hasUnsupported(res) {
			continue
		}
		n++
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			up, down := migrateFiles(t, res)
			want := srv.CreateDB(t, "e2e_down_want")
			db := srv.CreateDB(t, "e2e_down")
			for _, d := range []*pgtest.DB{want, db} {
				if err := d.ExecFile(filepath.Join(c.dir, "current.sql")); err != nil {
					t.Fatalf("load current: %v", err)
				}
			}
			for _, f := range []string{up, down, down} {
				if err := db.ExecFile(f); err != nil {
					t.Fatalf("%s: %v", filepath.Base(f), err)
				}
			}
			if d := pgtest.Diff(pgSnapshot(t, want), pgSnapshot(t, db)); d != "" {
				t.Errorf("schema after up and down differs from CURRENT (- current, + up/down):\n%s", d)
			}
		})
	}
	if n < 10 {
		t.Errorf("only %d expand-only cases with reverses; the planner lost its reverse steps?", n)
	}
}

// migrateFiles writes the golang-migrate layout of an expand-only plan
// and returns its up and down file.
func migrateFiles(t *testing.T, res *report.Result) (up, down string) {
	t.Helper()
	paths, _, err := report.WriteLayout(t.TempDir(), res, report.FileOptions{Layout: report.LayoutGolangMigrate})
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) != 2 || !strings.HasSuffix(paths[0], ".up.sql") || !strings.HasSuffix(paths[1], ".down.sql") {
		t.Fatalf("want one up and one down file, got %v", paths)
	}
	return paths[0], paths[1]
}

// TestGolangMigrateDownMySQL is the same on MariaDB.
func TestGolangMigrateDownMySQL(t *testing.T) {
	requireMySQLDialect(t)
	srv := mytest.Require(t)
	n := 0
	for _, c := range mysqlCases(t) {
		res := planMySQL(t, read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql")))
		if !undoable(res) || hasUnsupported(res) {
			continue
		}
		n++
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			up, down := migrateFiles(t, res)
			want, db := loadCurrent(t, srv, c), loadCurrent(t, srv, c)
			for _, f := range []string{up, down, down} {
				if err := db.ExecFile(f); err != nil {
					t.Fatalf("%s: %v", filepath.Base(f), err)
				}
			}
			if d := mytest.Diff(snapshot(t, want), snapshot(t, db)); d != "" {
				t.Errorf("schema after up and down differs from CURRENT (- current, + up/down):\n%s", d)
			}
		})
	}
	if n < 3 {
		t.Errorf("only %d expand-only MySQL cases with reverses", n)
	}
}
