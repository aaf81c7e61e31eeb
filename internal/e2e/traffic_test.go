package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/report"
)

// Application traffic. A case that has app_old.sql and app_new.sql holds
// the statements of the old and the new application version: psql
// scripts that read :n, a number unique to each run, which they use as
// the key of the rows they write. check.sql holds queries over the final
// database that must each return no row; it reads :old_ns and :new_ns,
// the numbers each version ran with, as comma-separated lists.
const (
	appOld = "app_old.sql"
	appNew = "app_new.sql"
	check  = "check.sql"

	oldBase = 1_000_000
	newBase = 2_000_000
	// maxConcurrentRuns bounds the old version's writes during backfill.
	maxConcurrentRuns = 200
)

// backfillSettings make the backfill take many small batches, so that the
// concurrent writer really interleaves with it.
var backfillSettings = map[string]string{"zdplan.batch_size": "50", "zdplan.batch_pause": "0.005"}

// app runs one version's statements, numbering each run.
type app struct {
	db   *pgtest.DB
	file string
	mu   sync.Mutex
	next int
	ns   []string
}

func (a *app) run() error {
	a.mu.Lock()
	n := a.next
	a.next++
	a.mu.Unlock()
	if _, err := a.db.RunFile(a.file, map[string]string{"n": fmt.Sprint(n)}, nil); err != nil {
		return fmt.Errorf("%s with n=%d: %w", filepath.Base(a.file), n, err)
	}
	a.mu.Lock()
	a.ns = append(a.ns, fmt.Sprint(n))
	a.mu.Unlock()
	return nil
}

func (a *app) list() string {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.ns) == 0 {
		return "NULL"
	}
	return strings.Join(a.ns, ",")
}

// TestTraffic proves the breaking-change strategies with both application
// versions writing: load CURRENT and its rows; expand (twice); the old
// version's statements must still work; backfill (twice) while the old
// version keeps writing; old and new versions side by side; contract
// (twice); the new version's statements; then the schema must equal
// DESIRED and check.sql must find every row either version wrote, in its
// final shape.
func TestTraffic(t *testing.T) {
	srv := pgtest.Require(t)
	n := 0
	for _, c := range cases(t) {
		if !exists(filepath.Join(c.dir, appOld)) {
			continue
		}
		n++
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			traffic(t, srv, c)
		})
	}
	if n < 6 {
		t.Errorf("only %d cases with application traffic", n)
	}
}

func traffic(t *testing.T, srv pgtest.Server, c tcase) {
	for _, f := range []string{appNew, check, "seed.sql"} {
		if !exists(filepath.Join(c.dir, f)) {
			t.Fatalf("a case with %s needs %s too", appOld, f)
		}
	}
	current, desired := read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql"))
	res := plan(t, current, desired)
	files, err := report.WriteFiles(t.TempDir(), res)
	if err != nil {
		t.Fatal(err)
	}
	phase := map[string]string{}
	for _, f := range files {
		_, name, _ := strings.Cut(strings.TrimSuffix(filepath.Base(f), ".sql"), "_")
		phase[name] = f
	}
	db := srv.CreateDB(t, "traffic")
	for _, f := range []string{"current.sql", "seed.sql"} {
		if err := db.ExecFile(filepath.Join(c.dir, f)); err != nil {
			t.Fatalf("load %s: %v", f, err)
		}
	}
	old := &app{db: db, file: filepath.Join(c.dir, appOld), next: oldBase}
	new := &app{db: db, file: filepath.Join(c.dir, appNew), next: newBase}
	applyTwice := func(name string, settings map[string]string) {
		t.Helper()
		f, ok := phase[name]
		if !ok {
			return
		}
		for run := 1; run <= 2; run++ {
			if _, err := db.RunFile(f, nil, settings); err != nil {
				t.Fatalf("%s (run %d): %v", filepath.Base(f), run, err)
			}
		}
	}
	mustRun := func(a *app) {
		t.Helper()
		if err := a.run(); err != nil {
			t.Fatal(err)
		}
	}

	applyTwice("expand", nil)
	mustRun(old)

	// The old version keeps writing while the backfill runs (or, without
	// one, while expand runs again).
	ctx, stop := context.WithTimeout(context.Background(), 2*time.Minute)
	defer stop()
	writerErr := make(chan error, 1)
	go func() {
		defer close(writerErr)
		for i := 0; i < maxConcurrentRuns && ctx.Err() == nil; i++ {
			if err := old.run(); err != nil {
				writerErr <- err
				return
			}
		}
	}()
	if _, ok := phase["backfill"]; ok {
		applyTwice("backfill", backfillSettings)
	} else {
		applyTwice("expand", nil)
	}
	stop()
	if err := <-writerErr; err != nil {
		t.Fatalf("the old version failed while the plan ran: %v", err)
	}

	// Both versions at once.
	var wg sync.WaitGroup
	errs := make(chan error, 20)
	for _, a := range []*app{old, new} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if err := a.run(); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatalf("side by side: %v", err)
	}

	applyTwice("contract", nil)
	mustRun(new)

	wantDB := srv.CreateDB(t, "traffic_want")
	if err := wantDB.ExecFile(filepath.Join(c.dir, "desired.sql")); err != nil {
		t.Fatal(err)
	}
	got, err := db.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	want, err := wantDB.Snapshot()
	if err != nil {
		t.Fatal(err)
	}
	if d := pgtest.Diff(want, got); d != "" {
		t.Errorf("schema after the plan differs from DESIRED (- desired, + migrated):\n%s", d)
	}
	out, err := db.RunFile(filepath.Join(c.dir, check), map[string]string{"old_ns": old.list(), "new_ns": new.list()}, nil)
	if err != nil {
		t.Fatalf("check.sql: %v", err)
	}
	if out = strings.TrimSpace(out); out != "" {
		t.Errorf("check.sql found rows lost or wrong (old version ran %d times, new %d):\n%s", len(old.ns), len(new.ns), out)
	}
	t.Logf("old version ran %d times, %d of them during backfill; new version %d times", len(old.ns), len(old.ns)-1-5, len(new.ns))
}
