package e2e

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/report"
)

// Application traffic. A case that has app_old.sql holds, with
// app_new.sql, the statements of the old and the new application
// version: scripts that read a number unique to each run (PostgreSQL: :n,
// a psql variable; MySQL: @n, a session variable), which they use as the
// key of the rows they write. check.sql holds queries over the final
// database that must each return no row; on PostgreSQL it reads :old_ns
// and :new_ns, the numbers each version ran with, as comma-separated
// lists, on MySQL the table zdt_ns (version 'old' or 'new', n).
const (
	appOld = "app_old.sql"
	appNew = "app_new.sql"
	check  = "check.sql"

	oldBase = 1_000_000
	newBase = 2_000_000
	// maxConcurrentRuns bounds the old version's writes during backfill.
	maxConcurrentRuns = 200
)

// trafficDB is one server's side of the traffic test.
type trafficDB interface {
	load(file string) error
	// apply runs a phase file; backfill files run in small batches, so
	// that the concurrent writer really interleaves with them.
	apply(file string, backfill bool) error
	runApp(file string, n int) error
	// schemaDiff compares the schema with DESIRED loaded afresh.
	schemaDiff(desired string) (string, error)
	check(file string, old, new []string) (string, error)
}

// app runs one version's statements, numbering each run.
type app struct {
	db   trafficDB
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
	if err := a.db.runApp(a.file, n); err != nil {
		return fmt.Errorf("%s with n=%d: %w", filepath.Base(a.file), n, err)
	}
	a.mu.Lock()
	a.ns = append(a.ns, fmt.Sprint(n))
	a.mu.Unlock()
	return nil
}

// TestTraffic proves the breaking-change strategies with both application
// versions writing, on PostgreSQL and on MariaDB: load CURRENT and its
// rows; expand (twice); the old version's statements must still work;
// backfill (twice) while the old version keeps writing; old and new
// versions side by side; contract (twice); the new version's statements;
// then the schema must equal DESIRED and check.sql must find every row
// either version wrote, in its final shape.
func TestTraffic(t *testing.T) {
	t.Run("postgres", func(t *testing.T) {
		srv := pgtest.Require(t)
		trafficCases(t, cases(t), func(t *testing.T) trafficDB { return &pgTraffic{t: t, srv: srv, db: srv.CreateDB(t, "traffic")} })
	})
	t.Run("mysql", func(t *testing.T) {
		if _, err := parser.Lookup("mysql"); err != nil {
			t.Skip("mysql dialect not registered")
		}
		srv := mytest.Require(t)
		trafficCases(t, mysqlCases(t), func(t *testing.T) trafficDB { return &myTraffic{t: t, srv: srv, db: srv.CreateDB(t, "traffic")} })
	})
}

func trafficCases(t *testing.T, cs []tcase, open func(*testing.T) trafficDB) {
	n := 0
	for _, c := range cs {
		if !exists(filepath.Join(c.dir, appOld)) {
			continue
		}
		n++
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			traffic(t, open(t), c)
		})
	}
	if n < 6 {
		t.Errorf("only %d cases with application traffic", n)
	}
}

func traffic(t *testing.T, db trafficDB, c tcase) {
	for _, f := range []string{appNew, check, "seed.sql"} {
		if !exists(filepath.Join(c.dir, f)) {
			t.Fatalf("a case with %s needs %s too", appOld, f)
		}
	}
	current, desired := read(t, filepath.Join(c.dir, "current.sql")), read(t, filepath.Join(c.dir, "desired.sql"))
	res := plan(t, current, desired)
	if hasUnsupported(res) {
		t.Fatal("zdplan reports an unsupported construct for this case")
	}
	files, err := report.WriteFiles(t.TempDir(), res)
	if err != nil {
		t.Fatal(err)
	}
	phase := map[string]string{}
	for _, f := range files {
		_, name, _ := strings.Cut(strings.TrimSuffix(filepath.Base(f), ".sql"), "_")
		phase[name] = f
	}
	for _, f := range []string{"current.sql", "seed.sql"} {
		if err := db.load(filepath.Join(c.dir, f)); err != nil {
			t.Fatalf("load %s: %v", f, err)
		}
	}
	old := &app{db: db, file: filepath.Join(c.dir, appOld), next: oldBase}
	new := &app{db: db, file: filepath.Join(c.dir, appNew), next: newBase}
	applyTwice := func(name string) {
		t.Helper()
		f, ok := phase[name]
		if !ok {
			return
		}
		for run := 1; run <= 2; run++ {
			if err := db.apply(f, name == "backfill"); err != nil {
				t.Fatalf("%s (run %d): %v", filepath.Base(f), run, err)
			}
		}
	}

	applyTwice("expand")
	if err := old.run(); err != nil {
		t.Fatalf("the old version fails after expand: %v", err)
	}

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
		applyTwice("backfill")
	} else {
		applyTwice("expand")
	}
	stop()
	if err := <-writerErr; err != nil {
		t.Fatalf("the old version failed while the plan ran: %v", err)
	}
	during := len(old.ns) - 1

	// Both versions at once.
	var wg sync.WaitGroup
	errs := make(chan error, 2)
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

	applyTwice("contract")
	if err := new.run(); err != nil {
		t.Fatalf("the new version fails after contract: %v", err)
	}

	d, err := db.schemaDiff(filepath.Join(c.dir, "desired.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if d != "" {
		t.Errorf("schema after the plan differs from DESIRED (- desired, + migrated):\n%s", d)
	}
	out, err := db.check(filepath.Join(c.dir, check), old.ns, new.ns)
	if err != nil {
		t.Fatalf("check.sql: %v", err)
	}
	if out = strings.TrimSpace(out); out != "" {
		t.Errorf("check.sql found rows lost or wrong (old version ran %d times, new %d):\n%s", len(old.ns), len(new.ns), out)
	}
	t.Logf("old version ran %d times, %d of them during backfill; new version %d times", len(old.ns), during, len(new.ns))
}

type pgTraffic struct {
	t   *testing.T
	srv pgtest.Server
	db  *pgtest.DB
}

func (p *pgTraffic) load(file string) error { return p.db.ExecFile(file) }

func (p *pgTraffic) apply(file string, backfill bool) error {
	var settings map[string]string
	if backfill {
		settings = map[string]string{"zdplan.batch_size": "50", "zdplan.batch_pause": "0.005"}
	}
	_, err := p.db.RunFile(file, nil, settings)
	return err
}

func (p *pgTraffic) runApp(file string, n int) error {
	_, err := p.db.RunFile(file, map[string]string{"n": fmt.Sprint(n)}, nil)
	return err
}

func (p *pgTraffic) schemaDiff(desired string) (string, error) {
	want := p.srv.CreateDB(p.t, "traffic_want")
	if err := want.ExecFile(desired); err != nil {
		return "", err
	}
	got, err := p.db.Snapshot()
	if err != nil {
		return "", err
	}
	ws, err := want.Snapshot()
	if err != nil {
		return "", err
	}
	return pgtest.Diff(ws, got), nil
}

func (p *pgTraffic) check(file string, old, new []string) (string, error) {
	list := func(ns []string) string {
		if len(ns) == 0 {
			return "NULL"
		}
		return strings.Join(ns, ",")
	}
	return p.db.RunFile(file, map[string]string{"old_ns": list(old), "new_ns": list(new)}, nil)
}

type myTraffic struct {
	t   *testing.T
	srv mytest.Server
	db  *mytest.DB
}

func (m *myTraffic) load(file string) error { return m.db.ExecFile(file) }

func (m *myTraffic) apply(file string, backfill bool) error {
	init := ""
	if backfill {
		init = "SET @zdplan_batch_size = 50, @zdplan_batch_pause = 0.005"
	}
	_, err := m.db.RunFile(file, init)
	return err
}

func (m *myTraffic) runApp(file string, n int) error {
	_, err := m.db.RunFile(file, fmt.Sprintf("SET @n = %d", n))
	return err
}

func (m *myTraffic) schemaDiff(desired string) (string, error) {
	want := m.srv.CreateDB(m.t, "traffic_want")
	if err := want.ExecFile(desired); err != nil {
		return "", err
	}
	got, err := m.db.Snapshot()
	if err != nil {
		return "", err
	}
	ws, err := want.Snapshot()
	if err != nil {
		return "", err
	}
	return mytest.Diff(ws, got), nil
}

func (m *myTraffic) check(file string, old, new []string) (string, error) {
	var b strings.Builder
	b.WriteString("CREATE TABLE zdt_ns (version char(3) NOT NULL, n bigint NOT NULL);\n")
	for v, ns := range map[string][]string{"old": old, "new": new} {
		for _, n := range ns {
			fmt.Fprintf(&b, "INSERT INTO zdt_ns VALUES ('%s', %s);\n", v, n)
		}
	}
	if err := m.db.Exec(b.String()); err != nil {
		return "", err
	}
	return m.db.RunFile(file, "")
}
