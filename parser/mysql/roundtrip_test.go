package mysql

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/zdplan/zdplan/schema"
)

// modelOpts compare two models by meaning: positions, the SQL spelling of
// expressions and the unsupported statements' text are left out.
var modelOpts = []cmp.Option{
	cmpopts.IgnoreUnexported(schema.Schema{}),
	cmp.FilterPath(func(p cmp.Path) bool { return p.Last().String() == ".Pos" }, cmp.Ignore()),
	cmp.Comparer(func(a, b schema.Expr) bool { return a.Key == b.Key }),
	cmpopts.EquateEmpty(),
}

// mysqlCLI runs the mysql client against the local test server.
func mysqlCLI(t *testing.T, stdin []byte, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command("mysql", append([]string{"-h127.0.0.1", "-uroot", "--batch", "--raw", "--skip-column-names"}, args...)...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return out.String(), &cliError{err: err, stderr: errb.String()}
	}
	return out.String(), nil
}

type cliError struct {
	err    error
	stderr string
}

func (e *cliError) Error() string { return e.err.Error() + ": " + strings.TrimSpace(e.stderr) }

// needMySQL skips the test when no server answers, unless
// ZDPLAN_MYREQUIRED=1 says one must.
func needMySQL(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("mysql"); err == nil {
		if _, err := mysqlCLI(t, nil, "-e", "SELECT 1"); err == nil {
			return
		} else if os.Getenv("ZDPLAN_MYREQUIRED") == "1" {
			t.Fatalf("MariaDB/MySQL at 127.0.0.1:3306 (root) is required (ZDPLAN_MYREQUIRED=1): %v", err)
		} else {
			t.Skipf("no MariaDB/MySQL at 127.0.0.1:3306 as root (%v); set ZDPLAN_MYREQUIRED=1 to fail instead", err)
		}
	}
	if os.Getenv("ZDPLAN_MYREQUIRED") == "1" {
		t.Fatal("the mysql client is required (ZDPLAN_MYREQUIRED=1) but not installed")
	}
	t.Skip("the mysql client is not installed; set ZDPLAN_MYREQUIRED=1 to fail instead")
}

// tempDatabase creates a throwaway database, dropped when the test ends.
func tempDatabase(t *testing.T) string {
	t.Helper()
	b := make([]byte, 6)
	rand.Read(b)
	db := "zdt_parse_" + hex.EncodeToString(b)
	if _, err := mysqlCLI(t, nil, "-e", "CREATE DATABASE "+db+" CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := mysqlCLI(t, nil, "-e", "DROP DATABASE IF EXISTS "+db); err != nil {
			t.Errorf("dropping %s: %v", db, err)
		}
	})
	return db
}

// showCreate dumps every table and view of db as the server prints them,
// in the order the model lists them.
func showCreate(t *testing.T, db string, m *schema.Schema) string {
	t.Helper()
	var b strings.Builder
	for _, tb := range m.Tables {
		out, err := mysqlCLI(t, nil, db, "-e", "SHOW CREATE TABLE "+QuoteIdent(tb.Name.Name))
		if err != nil {
			t.Fatal(err)
		}
		_, stmt, _ := strings.Cut(strings.TrimRight(out, "\n"), "\t")
		b.WriteString(stmt + ";\n")
	}
	for _, v := range m.Views {
		out, err := mysqlCLI(t, nil, db, "-e", "SHOW CREATE VIEW "+QuoteIdent(v.Name.Name))
		if err != nil {
			t.Fatal(err)
		}
		out = strings.TrimRight(out, "\n")
		_, stmt, _ := strings.Cut(out, "\t")
		// Drop the character_set_client and collation_connection columns.
		for range 2 {
			if i := strings.LastIndexByte(stmt, '\t'); i >= 0 {
				stmt = stmt[:i]
			}
		}
		b.WriteString(stmt + ";\n")
	}
	return b.String()
}

// TestServerRoundTrip loads each testdata schema into MariaDB, reads it
// back with SHOW CREATE TABLE/VIEW and requires the same model: the
// strongest test of the normalisation, since the server's spelling is the
// one a schema dumped from production will have.
func TestServerRoundTrip(t *testing.T) {
	needMySQL(t)
	files, _ := filepath.Glob("testdata/*.sql")
	if len(files) < 8 {
		t.Fatalf("want at least 8 testdata schemas, found %d", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			want, _, err := Parse(f, src)
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			db := tempDatabase(t)
			if _, err := mysqlCLI(t, src, db); err != nil {
				t.Fatalf("loading %s: %v", f, err)
			}
			dump := showCreate(t, db, want)
			got, _, err := Parse("show-create.sql", []byte(dump))
			if err != nil {
				t.Fatalf("parse SHOW CREATE output: %v\n%s", err, dump)
			}
			// What the file leaves to the server (engine, default
			// character set) the server spells out.
			for _, gt := range got.Tables {
				wt := want.Table(gt.Name)
				if wt == nil {
					continue
				}
				for k, def := range map[string]string{"engine": "innodb", "charset": "utf8mb4"} {
					if _, ok := wt.Options[k]; !ok && gt.Options[k] == def {
						delete(gt.Options, k)
					}
				}
			}
			want.Unsupported, got.Unsupported = nil, nil
			if d := cmp.Diff(want, got, modelOpts...); d != "" {
				t.Errorf("model of the file (-) and of SHOW CREATE (+) differ:\n%s\n%s", d, dump)
			}
		})
	}
}
