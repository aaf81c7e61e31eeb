package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
	"github.com/zdplan/zdplan/report"
)

// expandedPersonRename plans the rename of person.last_name to surname,
// loads a PostgreSQL database with rows people and runs the expand phase
// on it; it returns the database and the backfill phase's file.
func expandedPersonRename(t *testing.T, name string, rows int) (db *pgtest.DB, backfill string) {
	t.Helper()
	const (
		current = "CREATE TABLE person (id bigint PRIMARY KEY, last_name text NOT NULL);\n"
		desired = "CREATE TABLE person (id bigint PRIMARY KEY,\n  surname text NOT NULL -- zdplan:renamed-from last_name\n);\n"
	)
	files, err := report.WriteFiles(t.TempDir(), plan(t, []byte(current), []byte(desired)))
	if err != nil {
		t.Fatal(err)
	}
	phase := func(prefix string) string {
		for _, f := range files {
			if strings.HasPrefix(filepath.Base(f), prefix) {
				return f
			}
		}
		t.Fatalf("no %s phase file in %v", prefix, files)
		return ""
	}
	db = pgtest.Require(t).CreateDB(t, name)
	if err := db.Exec(current + fmt.Sprintf("INSERT INTO person SELECT i, 'n' || i FROM generate_series(1, %d) AS i;", rows)); err != nil {
		t.Fatal(err)
	}
	if err := db.ExecFile(phase("01_")); err != nil {
		t.Fatalf("expand: %v", err)
	}
	return db, phase("02_")
}

// checkPersonSynced fails the test unless every person's surname is its
// last_name.
func checkPersonSynced(t *testing.T, db *pgtest.DB) {
	t.Helper()
	out, err := db.Query("SELECT count(*) FROM person WHERE surname IS DISTINCT FROM last_name")
	if err != nil {
		t.Fatal(err)
	}
	if out[0] != "0" {
		t.Errorf("%s rows have surname different from last_name", out[0])
	}
}

// TestBackfillSkipsOwnTrigger checks that a batched backfill does not run
// the sync trigger of the column it fills for each row it writes (which
// halves its speed), while the old application's writes still go through
// it. PostgreSQL counts the calls of each PL/pgSQL function when
// track_functions is on.
func TestBackfillSkipsOwnTrigger(t *testing.T) {
	const rows = 500
	db, backfill := expandedPersonRename(t, "e2e_skip", rows)
	track := map[string]string{"track_functions": "pl", "zdplan.batch_size": "100"}
	if _, err := db.RunFile(backfill, nil, track); err != nil {
		t.Fatalf("backfill: %v", err)
	}
	// The old version's write, counted once the server has the count of
	// every session before it.
	app := filepath.Join(t.TempDir(), "app.sql")
	if err := os.WriteFile(app, []byte("UPDATE person SET last_name = 'changed' WHERE id = 1;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RunFile(app, nil, track); err != nil {
		t.Fatal(err)
	}
	var calls string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		out, err := db.Query("SELECT coalesce(sum(calls), 0) FROM pg_stat_user_functions WHERE funcname = 'zdplan_sync_person_surname'")
		if err != nil {
			t.Fatal(err)
		}
		if calls = out[0]; calls != "0" {
			break
		}
	}
	if calls != "1" {
		t.Errorf("sync trigger ran %s times; want 1 (the application's update, none for the %d rows backfilled)", calls, rows)
	}
	checkPersonSynced(t, db)
}

// TestBackfillBatchesUseKeyIndex checks that every batch of a backfill
// reads only its own rows through the primary key, even on a server that
// plans PL/pgSQL statements generically (plan_cache_mode, or PostgreSQL's
// own choice after five executions): a generic plan of the batch's range
// cannot use the key's index and reads the table from its first row in
// every batch, which makes the backfill quadratic. The index's tuple
// count tells the two apart: about twice the rows (the keys of each
// batch, then its update) against about rows²/(2 × batch size).
func TestBackfillBatchesUseKeyIndex(t *testing.T) {
	const (
		rows  = 2000
		batch = 20
	)
	db, backfill := expandedPersonRename(t, "e2e_keyset", rows)
	read := func() int {
		out, err := db.Query("SELECT idx_tup_read FROM pg_stat_user_indexes WHERE indexrelname = 'person_pkey'")
		if err != nil {
			t.Fatal(err)
		}
		n, err := strconv.Atoi(out[0])
		if err != nil {
			t.Fatalf("idx_tup_read: %v", err)
		}
		return n
	}
	before := read()
	settings := map[string]string{"plan_cache_mode": "force_generic_plan", "zdplan.batch_size": strconv.Itoa(batch)}
	if _, err := db.RunFile(backfill, nil, settings); err != nil {
		t.Fatalf("backfill: %v", err)
	}
	// The backfill's session reports its counts as it ends.
	n := 0
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if n = read() - before; n > 0 {
			break
		}
	}
	if n == 0 || n > 3*rows {
		t.Errorf("the backfill read %d primary key entries for %d rows in batches of %d; want between 1 and %d", n, rows, batch, 3*rows)
	}
	checkPersonSynced(t, db)
}

// TestBackfillEndsUnderInserts checks that a backfill stops at the last
// key the table had when it started while the old application keeps
// inserting rows (which get their values from the triggers), on both
// servers. A loop that followed the inserts would, with a pause between
// batches, find new rows after every batch and end only when the inserts
// stopped: under a steady load in bench/live it ran for minutes.
func TestBackfillEndsUnderInserts(t *testing.T) {
	const (
		rows   = 200
		batch  = 50
		pause  = "0.1" // seconds: every batch sees several new rows
		budget = 10 * time.Second
	)
	type server struct {
		name             string
		current, desired string
		differ           string // counts the rows whose old and new column differ
		plan             func(*testing.T, []byte, []byte) *report.Result
		setup            func(t *testing.T, sql string) (exec func(string) error, query func(string) ([]string, error), backfill func(path string) error)
	}
	servers := []server{
		{
			name:    "postgres",
			current: "CREATE TABLE person (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, last_name text NOT NULL);\n",
			desired: "CREATE TABLE person (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n  surname text NOT NULL -- zdplan:renamed-from last_name\n);\n",
			differ:  "SELECT count(*) FROM person WHERE surname IS DISTINCT FROM last_name",
			plan:    plan,
			setup: func(t *testing.T, sql string) (func(string) error, func(string) ([]string, error), func(string) error) {
				db := pgtest.Require(t).CreateDB(t, "e2e_ends")
				if err := db.Exec(sql); err != nil {
					t.Fatal(err)
				}
				return db.Exec, db.Query, func(path string) error {
					_, err := db.RunFile(path, nil, map[string]string{"zdplan.batch_size": strconv.Itoa(batch), "zdplan.batch_pause": pause})
					return err
				}
			},
		},
		{
			name:    "mysql",
			current: "CREATE TABLE person (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY, last_name varchar(50) NOT NULL);\n",
			desired: "CREATE TABLE person (id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,\n  surname varchar(50) NOT NULL -- zdplan:renamed-from last_name\n);\n",
			differ:  "SELECT count(*) FROM person WHERE NOT (surname <=> last_name)",
			plan:    planMySQL,
			setup: func(t *testing.T, sql string) (func(string) error, func(string) ([]string, error), func(string) error) {
				requireMySQLDialect(t)
				db := mytest.Require(t).CreateDB(t, "e2e_ends")
				if err := db.Exec(sql); err != nil {
					t.Fatal(err)
				}
				return db.Exec, db.Query, func(path string) error {
					_, err := db.RunFile(path, fmt.Sprintf("SET @zdplan_batch_size = %d, @zdplan_batch_pause = %s", batch, pause))
					return err
				}
			},
		},
	}
	for _, srv := range servers {
		t.Run(srv.name, func(t *testing.T) {
			var seed strings.Builder
			seed.WriteString(srv.current)
			for i := 1; i <= rows; i++ {
				fmt.Fprintf(&seed, "INSERT INTO person (last_name) VALUES ('n%d');\n", i)
			}
			exec, query, backfill := srv.setup(t, seed.String())
			files, err := report.WriteFiles(t.TempDir(), srv.plan(t, []byte(srv.current), []byte(srv.desired)))
			if err != nil {
				t.Fatal(err)
			}
			if err := exec(mustRead(t, files[0])); err != nil {
				t.Fatalf("expand: %v", err)
			}
			// The old application inserts a row at a time until the
			// backfill ends, or for twice the budget.
			done := make(chan struct{})
			inserted := make(chan int)
			go func() {
				n := 0
				defer func() { inserted <- n }()
				for stop := time.After(2 * budget); ; n++ {
					select {
					case <-done:
						return
					case <-stop:
						return
					default:
					}
					if err := exec(fmt.Sprintf("INSERT INTO person (last_name) VALUES ('app%d');", n)); err != nil {
						t.Errorf("application insert: %v", err)
						return
					}
				}
			}()
			start := time.Now()
			err = backfill(files[1])
			took := time.Since(start)
			close(done)
			n := <-inserted
			if err != nil {
				t.Fatalf("backfill: %v", err)
			}
			if took > budget {
				t.Errorf("the backfill of %d rows took %s while the application inserted %d rows; want it to end within %s", rows, took.Round(time.Millisecond), n, budget)
			}
			if n == 0 {
				t.Error("the application inserted no rows during the backfill: the test proves nothing")
			}
			out, err := query(srv.differ)
			if err != nil {
				t.Fatal(err)
			}
			if out[0] != "0" {
				t.Errorf("%s rows have surname different from last_name after the backfill", out[0])
			}
		})
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
