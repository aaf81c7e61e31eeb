package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
)

const secret = "s3cr3t-pw"

// withPassword puts a password into a test database URL, so that the
// test can check that it appears nowhere.
func withPassword(url string) string {
	scheme, rest, _ := strings.Cut(url, "://")
	user, host, _ := strings.Cut(rest, "@")
	return scheme + "://" + user + ":" + secret + "@" + host
}

// TestLiveCommands runs drift, plan and apply against real databases
// through the CLI: exit codes, the drift check before apply, dry run, and
// no password in any output.
func TestLiveCommands(t *testing.T) {
	for _, dialect := range []string{"postgres", "mysql"} {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("..", "..", "testdata", dialect, "breaking_rename_column_person_surname")
			current, desired := filepath.Join(dir, "current.sql"), filepath.Join(dir, "desired.sql")
			var url string
			var exec func(string) error
			if dialect == "postgres" {
				db := pgtest.Require(t).CreateDB(t, "cli")
				if err := db.ExecFile(current); err != nil {
					t.Fatal(err)
				}
				url, exec = db.URL(), db.Exec
			} else {
				db := mytest.Require(t).CreateDB(t, "cli")
				if err := db.ExecFile(current); err != nil {
					t.Fatal(err)
				}
				url, exec = db.URL(), db.Exec
			}
			// MariaDB's root refuses a password it does not have, so only
			// the PostgreSQL URL carries one on the way in; both do on the
			// way to a port where nothing listens (15432, 13306).
			dsn := url
			if dialect == "postgres" {
				dsn = withPassword(url)
			}
			unreachable := strings.Replace(withPassword(url), "@127.0.0.1:", "@127.0.0.1:1", 1)
			steps := []struct {
				name   string
				args   []string
				code   int
				stdout string
				stderr string
			}{
				{"drift none", []string{"drift", "--dsn", dsn, current}, 0, "matches", ""},
				{"drift against desired", []string{"drift", "--dsn", dsn, desired}, 1, "AddColumn", ""},
				{"drift without dsn", []string{"drift", current}, 2, "", "needs --dsn"},
				{"drift unreachable", []string{"drift", "--dsn", unreachable, current}, 2, "", "connect to"},
				{"plan from live", []string{dsn, desired}, 0, "ADD COLUMN", ""},
				{"contract before expand", []string{"apply", "--dsn", dsn, "--phase", "contract", current, desired}, 1, "", "expand phase has not run"},
				{"drifted", []string{"apply", "--dsn", dsn, "--phase", "expand", current, desired}, 1, "", "zd_unrelated"},
				{"bad phase", []string{"apply", "--dsn", dsn, "--phase", "deploy", current, desired}, 2, "", "unknown --phase"},
				{"dry run", []string{"apply", "--dsn", dsn, "--phase", "expand", "--dry-run", current, desired}, 0, "dry run: expand phase", ""},
				{"drift after dry run", []string{"drift", "--dsn", dsn, current}, 0, "matches", ""},
				{"expand", []string{"apply", "--dsn", dsn, "--phase", "expand", current, desired}, 0, "expand phase done", ""},
				{"expand again refused", []string{"apply", "--dsn", dsn, "--phase", "expand", current, desired}, 1, "", "nothing was run"},
				{"backfill", []string{"apply", "--dsn", dsn, "--phase", "backfill", current, desired}, 0, "backfill phase done", ""},
				{"contract", []string{"apply", "--dsn", dsn, "--phase", "contract", current, desired}, 0, "contract phase done", ""},
				{"drift against desired after", []string{"drift", "--dsn", dsn, desired}, 0, "matches", ""},
			}
			for _, s := range steps {
				if s.name == "drifted" {
					if err := exec("CREATE TABLE zd_unrelated (id int)"); err != nil {
						t.Fatal(err)
					}
				}
				var stdout, stderr bytes.Buffer
				code := run(s.args, strings.NewReader(""), &stdout, &stderr)
				if code != s.code || !strings.Contains(stdout.String(), s.stdout) || !strings.Contains(stderr.String(), s.stderr) {
					t.Fatalf("%s: exit %d, want %d (stdout %q, stderr %q)\nstdout:\n%s\nstderr:\n%s", s.name, code, s.code, s.stdout, s.stderr, stdout.String(), stderr.String())
				}
				if strings.Contains(stdout.String()+stderr.String(), secret) {
					t.Fatalf("%s: the password is printed:\n%s%s", s.name, stdout.String(), stderr.String())
				}
				if s.name == "drifted" {
					if err := exec("DROP TABLE zd_unrelated"); err != nil {
						t.Fatal(err)
					}
				}
			}
		})
	}
}

// TestLivePlanSizes: with a live CURRENT the plan knows table sizes and
// flags the steps that read a whole large table (ZD123).
func TestLivePlanSizes(t *testing.T) {
	for _, dialect := range []string{"postgres", "mysql"} {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join("..", "..", "testdata", dialect, "breaking_rename_column_person_surname")
			desired := filepath.Join(dir, "desired.sql")
			var url string
			if dialect == "postgres" {
				db := pgtest.Require(t).CreateDB(t, "cli")
				for _, f := range []string{"current.sql", "seed.sql"} {
					if err := db.ExecFile(filepath.Join(dir, f)); err != nil {
						t.Fatal(err)
					}
				}
				if err := db.Exec("ANALYZE person"); err != nil {
					t.Fatal(err)
				}
				url = db.URL()
			} else {
				db := mytest.Require(t).CreateDB(t, "cli")
				for _, f := range []string{"current.sql", "seed.sql"} {
					if err := db.ExecFile(filepath.Join(dir, f)); err != nil {
						t.Fatal(err)
					}
				}
				if err := db.Exec("ANALYZE TABLE person"); err != nil {
					t.Fatal(err)
				}
				url = db.URL()
			}
			for _, tc := range []struct {
				threshold string
				fire      bool
			}{{"500", true}, {"1000000", false}} {
				var stdout, stderr bytes.Buffer
				code := run([]string{"--format", "json", "--large-table-rows", tc.threshold, url, desired}, strings.NewReader(""), &stdout, &stderr)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, stderr.String())
				}
				if got := strings.Contains(stdout.String(), `"rule": "ZD123"`) && strings.Contains(stdout.String(), "rows estimated"); got != tc.fire {
					t.Errorf("--large-table-rows %s: ZD123 reported = %v, want %v\n%s", tc.threshold, got, tc.fire, stdout.String())
				}
				// The sizes of the tables read in full are in the plan,
				// whatever the threshold: person is backfilled.
				var doc struct {
					TableRows map[string]int64 `json:"table_rows"`
				}
				if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
					t.Fatal(err)
				}
				if len(doc.TableRows) != 1 || doc.TableRows[personName[dialect]] <= 0 {
					t.Errorf("table_rows = %v, want an estimate for %s alone", doc.TableRows, personName[dialect])
				}
			}
			var stdout, stderr bytes.Buffer
			if code := run([]string{url, desired}, strings.NewReader(""), &stdout, &stderr); code != 0 {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			if !strings.Contains(stdout.String(), "Estimated rows of the tables the plan reads in full") || !strings.Contains(stdout.String(), personName[dialect]) {
				t.Errorf("text plan does not show the table's size:\n%s", stdout.String())
			}
		})
	}
}

// personName is the person table's name as the plan spells it.
var personName = map[string]string{"postgres": "public.person", "mysql": "person"}
