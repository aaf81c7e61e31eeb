package apply

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/live"
	"github.com/zdplan/zdplan/planner"
)

var dialects = []string{"postgres", "mysql"}

// fixture is a case loaded into a scratch database, with its plan.
type fixture struct {
	dialect string
	url     string
	db      *live.DB
	plan    *planner.Plan
	current pipeline.Input
	desired pipeline.Input
}

func load(t *testing.T, dialect, name string) *fixture {
	t.Helper()
	dir := filepath.Join("..", "testdata", dialect, name)
	f := &fixture{dialect: dialect, current: input(t, filepath.Join(dir, "current.sql")), desired: input(t, filepath.Join(dir, "desired.sql"))}
	var files []string
	for _, n := range []string{"current.sql", "seed.sql"} {
		if _, err := os.Stat(filepath.Join(dir, n)); err == nil {
			files = append(files, filepath.Join(dir, n))
		}
	}
	if dialect == "postgres" {
		db := pgtest.Require(t).CreateDB(t, "apply")
		for _, p := range files {
			if err := db.ExecFile(p); err != nil {
				t.Fatal(err)
			}
		}
		f.url = db.URL()
	} else {
		db := mytest.Require(t).CreateDB(t, "apply")
		for _, p := range files {
			if err := db.ExecFile(p); err != nil {
				t.Fatal(err)
			}
		}
		f.url = db.URL()
	}
	f.db = open(t, f.url)
	res, err := pipeline.Run(f.current, f.desired, pipeline.Options{Dialect: dialect})
	if err != nil {
		t.Fatal(err)
	}
	f.plan = res.Plan
	return f
}

func open(t *testing.T, url string) *live.DB {
	t.Helper()
	d, err := live.ParseDSN(url)
	if err != nil {
		t.Fatal(err)
	}
	db, err := live.Open(context.Background(), d)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func input(t *testing.T, path string) pipeline.Input {
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return pipeline.Input{Name: path, Src: src}
}

func (f *fixture) opts(ph planner.Phase) Options {
	return Options{Phase: ph, LockTimeout: time.Second, Retries: 3, Backoff: 50 * time.Millisecond, BatchSize: 300}
}

// schemaDiff lists how the live schema differs from in.
func (f *fixture) schemaDiff(t *testing.T, in pipeline.Input) []string {
	t.Helper()
	src, err := f.db.Schema(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	df, err := pipeline.Compare(pipeline.Input{Name: "live", Src: src}, in, f.dialect)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range df.Changes {
		out = append(out, c.Kind()+" "+c.Object())
	}
	return out
}

func (f *fixture) count(t *testing.T, q string) int {
	t.Helper()
	var n int
	if err := f.db.QueryRow(q).Scan(&n); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	return n
}

// quoted renders a table name of the plan for the test's own queries.
func (f *fixture) table(name string) string {
	if f.dialect == "mysql" {
		return "`" + name + "`"
	}
	return `"` + name + `"`
}

// TestPhases applies every breaking-change case phase by phase, each
// phase twice (a second run must change nothing and fail nothing), and
// ends with the schema of DESIRED and every row of the tables both keep.
func TestPhases(t *testing.T) {
	for _, dialect := range dialects {
		dirs, _ := filepath.Glob(filepath.Join("..", "testdata", dialect, "breaking_*"))
		if len(dirs) < 5 {
			t.Fatalf("%s: %d breaking cases", dialect, len(dirs))
		}
		for _, dir := range dirs {
			t.Run(dialect+"/"+filepath.Base(dir), func(t *testing.T) {
				t.Parallel()
				f := load(t, dialect, filepath.Base(dir))
				// The tables as the files have them, without hints.
				files, err := pipeline.Compare(f.current, f.desired, dialect)
				if err != nil {
					t.Fatal(err)
				}
				kept := map[string]int{}
				for _, tb := range files.From.Tables {
					if files.To.Table(tb.Name) != nil {
						kept[tb.Name.Name] = f.count(t, "SELECT count(*) FROM "+f.table(tb.Name.Name))
					}
				}
				batched := false
				for _, ph := range planner.Phases {
					for run := 1; run <= 2; run++ {
						done, err := Run(context.Background(), f.db, f.plan, f.opts(ph))
						if err != nil {
							t.Fatalf("%s, run %d: %v", ph, run, err)
						}
						for _, r := range done {
							if r.Step.Batch != nil && r.Rows > 0 {
								batched = true
							}
						}
					}
				}
				if d := f.schemaDiff(t, f.desired); len(d) > 0 {
					t.Errorf("after all phases the schema differs from DESIRED: %v", d)
				}
				for name, n := range kept {
					if got := f.count(t, "SELECT count(*) FROM "+f.table(name)); got != n {
						t.Errorf("%s: %d rows, want %d", name, got, n)
					}
				}
				if !batched && len(f.plan.PhaseSteps(planner.Backfill)) > 0 && strings.Contains(dir, "rename_column") {
					t.Errorf("no batched backfill ran")
				}
			})
		}
	}
}

// expanded loads a case like load and runs its expand phase.
func expanded(t *testing.T, dialect, name string) *fixture {
	t.Helper()
	f := load(t, dialect, name)
	if _, err := Run(context.Background(), f.db, f.plan, f.opts(planner.Expand)); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestInterruptedBackfillResumes stops a backfill after three batches,
// as Ctrl-C does, and runs it again: the first run reports the
// interruption with the rows done, the second finishes, and every seeded
// row arrives.
func TestInterruptedBackfillResumes(t *testing.T) {
	for _, dialect := range dialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			f := expanded(t, dialect, "breaking_rename_column_person_surname")
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			o := f.opts(planner.Backfill)
			o.BatchSize = 100
			batches := 0
			o.afterBatch = func(int64) {
				if batches++; batches == 3 {
					cancel()
				}
			}
			var progress bytes.Buffer
			o.Progress = &progress
			done, err := Run(ctx, f.db, f.plan, o)
			if !errors.Is(err, ErrInterrupted) {
				t.Fatalf("interrupted run: %v, want ErrInterrupted", err)
			}
			if len(done) != 1 || done[0].Rows != 300 {
				t.Fatalf("interrupted run did %+v, want the backfill step with 300 rows", done)
			}
			if !regexp.MustCompile(`: 300(/~\d+)? rows`).MatchString(progress.String()) {
				t.Errorf("progress does not say 300 rows:\n%s", progress.String())
			}
			if n := f.count(t, "SELECT count(*) FROM person WHERE surname IS NOT NULL"); n != 300 {
				t.Fatalf("after the interruption %d rows have a surname, want 300 (three batches)", n)
			}
			rows := f.count(t, "SELECT count(*) FROM person")
			if _, err := Run(context.Background(), f.db, f.plan, o); err != nil {
				t.Fatalf("resumed run: %v", err)
			}
			concat := "'last' || id"
			if dialect == "mysql" {
				concat = "CONCAT('last', id)"
			}
			if n := f.count(t, "SELECT count(*) FROM person WHERE surname = "+concat); n != rows || rows < 1000 {
				t.Errorf("after resuming %d of %d rows have their surname", n, rows)
			}
		})
	}
}

// TestBackfillStopsAtLastKey inserts rows after every batch, as the old
// application does while a backfill runs: the backfill stops at the last
// key the table had when it started (the triggers give later rows their
// values) instead of following the inserts for as long as they come.
func TestBackfillStopsAtLastKey(t *testing.T) {
	for _, dialect := range dialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			f := expanded(t, dialect, "breaking_rename_column_person_surname")
			rows := f.count(t, "SELECT count(*) FROM person")
			next := f.count(t, "SELECT max(id) FROM person") + 1
			o := f.opts(planner.Backfill)
			o.BatchSize = 100
			batches := 0
			o.afterBatch = func(int64) {
				// A backfill that follows the inserts would never end:
				// they stop after far more batches than the rows need.
				if batches++; batches > 100 {
					return
				}
				for range 150 {
					if _, err := f.db.Exec(fmt.Sprintf("INSERT INTO person (id, first_name, last_name) VALUES (%d, 'f', 'l')", next)); err != nil {
						t.Errorf("application insert: %v", err)
					}
					next++
				}
			}
			done, err := Run(context.Background(), f.db, f.plan, o)
			if err != nil {
				t.Fatal(err)
			}
			var backfilled int64
			for _, d := range done {
				if d.Step.Batch != nil {
					backfilled += d.Rows
				}
			}
			if want := (rows + 99) / 100; batches != want || backfilled != int64(rows) {
				t.Errorf("backfill ran %d batches over %d rows; want %d batches over the %d rows there were at its start", batches, backfilled, want, rows)
			}
			if n := f.count(t, "SELECT count(*) FROM person WHERE surname IS NULL OR surname <> last_name"); n != 0 {
				t.Errorf("%d rows lack the surname after the backfill", n)
			}
		})
	}
}

// TestLockRetry holds a lock the expand phase's ALTER TABLE needs for
// about three lock timeouts, from another session, while the application
// keeps updating other rows: the step times out, backs off, retries and
// succeeds, and no application statement fails or waits much longer than
// one lock timeout (the ALTER never queues traffic behind it for longer).
func TestLockRetry(t *testing.T) {
	for _, tc := range []struct {
		dialect string
		// hold takes the lock in an open transaction; traffic says
		// whether other sessions can still write while it is held.
		hold    string
		traffic bool
		timeout time.Duration
	}{
		{"postgres", "LOCK TABLE person IN ACCESS EXCLUSIVE MODE", false, 200 * time.Millisecond},
		{"postgres", "SELECT count(*) FROM person", true, 200 * time.Millisecond},
		// MySQL counts lock_wait_timeout in whole seconds; a transaction
		// that read the table holds its metadata lock.
		{"mysql", "SELECT count(*) FROM person", true, time.Second},
	} {
		t.Run(tc.dialect+"/"+strings.Fields(tc.hold)[0], func(t *testing.T) {
			t.Parallel()
			f := load(t, tc.dialect, "breaking_rename_column_person_surname")
			holder := open(t, f.url)
			ctx := context.Background()
			tx, err := holder.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Exec(tc.hold); err != nil {
				t.Fatal(err)
			}
			holdFor := 3 * tc.timeout
			// When the lock starts to be released: the step cannot have
			// succeeded before.
			releasing := make(chan time.Time, 1)
			go func() {
				time.Sleep(holdFor)
				releasing <- time.Now()
				tx.Rollback()
			}()

			app := open(t, f.url)
			stop := make(chan struct{})
			var wg sync.WaitGroup
			var appErr error
			var worst time.Duration
			writes := 0
			if tc.traffic {
				wg.Add(1)
				go func() {
					defer wg.Done()
					q := "UPDATE person SET first_name = first_name WHERE id = $1"
					if tc.dialect == "mysql" {
						q = "UPDATE person SET first_name = first_name WHERE id = ?"
					}
					for i := 1; ; i++ {
						select {
						case <-stop:
							return
						default:
						}
						start := time.Now()
						if _, err := app.Exec(q, 1000+i%500); err != nil {
							appErr = err
							return
						}
						worst = max(worst, time.Since(start))
						writes++
						time.Sleep(10 * time.Millisecond)
					}
				}()
			}
			o := f.opts(planner.Expand)
			o.LockTimeout, o.Retries, o.Backoff = tc.timeout, 6, tc.timeout/2
			var out bytes.Buffer
			o.Out = &out
			done, err := Run(ctx, f.db, f.plan, o)
			finished := time.Now()
			close(stop)
			wg.Wait()
			if err != nil {
				t.Fatalf("expand: %v\n%s", err, out.String())
			}
			if rel := <-releasing; finished.Before(rel) {
				t.Errorf("expand finished %s before the lock was released", rel.Sub(finished))
			}
			if done[0].Attempts < 2 || !strings.Contains(out.String(), "retrying") {
				t.Errorf("first step ran in %d attempts, want retries:\n%s", done[0].Attempts, out.String())
			}
			if tc.traffic {
				if appErr != nil {
					t.Errorf("application statement failed: %v", appErr)
				}
				if writes == 0 {
					t.Errorf("no application statement ran")
				}
				if limit := tc.timeout + time.Second; worst > limit {
					t.Errorf("an application statement waited %s, more than %s", worst, limit)
				}
			}
		})
	}
}

// TestDryRunChangesNothing prints every phase's statements and leaves the
// schema as it was.
func TestDryRunChangesNothing(t *testing.T) {
	for _, dialect := range dialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			f := load(t, dialect, "breaking_rename_column_person_surname")
			before, err := f.db.Schema(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			for _, ph := range planner.Phases {
				var out bytes.Buffer
				o := f.opts(ph)
				o.DryRun, o.Out = true, &out
				if _, err := Run(context.Background(), f.db, f.plan, o); err != nil {
					t.Fatal(err)
				}
				for _, s := range f.plan.PhaseSteps(ph) {
					if !strings.Contains(out.String(), s.Summary) {
						t.Errorf("%s dry run does not show %q:\n%s", ph, s.Summary, out.String())
					}
				}
			}
			after, err := f.db.Schema(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) {
				t.Errorf("dry run changed the schema:\nbefore:\n%s\nafter:\n%s", before, after)
			}
		})
	}
}

// TestPrivileges connects as a user who may read but not alter the
// table: the check names what is missing, and the schema is unchanged.
func TestPrivileges(t *testing.T) {
	for _, dialect := range dialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			f := load(t, dialect, "breaking_rename_column_person_surname")
			user := fmt.Sprintf("zdtest_%d_%s", os.Getpid(), dialect[:2])
			d, _ := live.ParseDSN(f.url)
			var url, want string
			if dialect == "postgres" {
				mustExec(t, f.db.DB, "CREATE ROLE "+user+" LOGIN")
				t.Cleanup(func() {
					f.db.Exec("DROP OWNED BY " + user)
					f.db.Exec("DROP ROLE " + user)
				})
				mustExec(t, f.db.DB, "GRANT SELECT ON person TO "+user)
				url = strings.Replace(f.url, "postgres://postgres@", "postgres://"+user+"@", 1)
				want = "ownership of table public.person"
			} else {
				mustExec(t, f.db.DB, "CREATE USER '"+user+"'@'%'")
				t.Cleanup(func() { f.db.Exec("DROP USER '" + user + "'@'%'") })
				mustExec(t, f.db.DB, "GRANT SELECT ON `"+d.Database()+"`.* TO '"+user+"'@'%'")
				url = strings.Replace(f.url, "mysql://root@", "mysql://"+user+"@", 1)
				want = "ALTER on database " + d.Database()
			}
			weak := open(t, url)
			err := CheckPrivileges(context.Background(), weak, f.plan, planner.Expand)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Fatalf("CheckPrivileges = %v, want an error naming %q", err, want)
			}
			if err := CheckPrivileges(context.Background(), f.db, f.plan, planner.Expand); err != nil {
				t.Errorf("the owner lacks privileges: %v", err)
			}
			if dialect == "postgres" {
				// The live schema holds grants: take back the test's own.
				mustExec(t, f.db.DB, "REVOKE SELECT ON person FROM "+user)
			}
			if d := f.schemaDiff(t, f.current); len(d) > 0 {
				t.Errorf("schema changed: %v", d)
			}
		})
	}
}

func mustExec(t *testing.T, db *sql.DB, q string) {
	t.Helper()
	if _, err := db.Exec(q); err != nil {
		t.Fatalf("%s: %v", q, err)
	}
}
