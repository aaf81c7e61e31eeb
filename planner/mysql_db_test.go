package planner_test

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/report"
	"github.com/zdplan/zdplan/schema"
)

// The MariaDB server of the test environment: 127.0.0.1:3306, root
// without password, reached with the mysql client, as phase files are
// meant to be run.
var myArgs = []string{"--batch", "--skip-column-names", "-h127.0.0.1", "-P3306", "-uroot"}

func mysqlCLI(db, sql string) (string, error) {
	args := append([]string{}, myArgs...)
	if db != "" {
		args = append(args, db)
	}
	cmd := exec.Command("mysql", args...)
	cmd.Stdin = strings.NewReader(sql)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("%v: %s", err, errb.String())
	}
	return out.String(), nil
}

// needMySQL skips the test when the server is not reachable, unless
// ZDPLAN_MYREQUIRED=1 says it must be.
func needMySQL(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("mysql"); err == nil {
		if _, err := mysqlCLI("", "SELECT 1;"); err == nil {
			return
		} else if os.Getenv("ZDPLAN_MYREQUIRED") == "1" {
			t.Fatalf("MariaDB not reachable: %v", err)
		}
	} else if os.Getenv("ZDPLAN_MYREQUIRED") == "1" {
		t.Fatal("mysql client not found")
	}
	t.Skip("MariaDB not reachable (set ZDPLAN_MYREQUIRED=1 to fail instead)")
}

// tempDB creates a throwaway database, dropped when the test ends.
func tempDB(t *testing.T) string {
	t.Helper()
	name := "zdt_plan_" + strings.ToLower(rand.Text()[:12])
	if _, err := mysqlCLI("", "CREATE DATABASE "+name+";"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { mysqlCLI("", "DROP DATABASE IF EXISTS "+name+";") })
	return name
}

var (
	autoIncRE = regexp.MustCompile(` AUTO_INCREMENT=\d+`)
	definerRE = regexp.MustCompile(`ALGORITHM=\S+ DEFINER=\S+ SQL SECURITY \S+ `)
)

// shape is every table and view of a database as SHOW CREATE prints it.
func shape(t *testing.T, db string) string {
	t.Helper()
	names, err := mysqlCLI(db, "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name;")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(names), "\n") {
		if line == "" {
			continue
		}
		name, typ, _ := strings.Cut(line, "\t")
		kind := "TABLE"
		if typ == "VIEW" {
			kind = "VIEW"
		}
		out, err := mysqlCLI(db, fmt.Sprintf("SHOW CREATE %s `%s`;", kind, name))
		if err != nil {
			t.Fatal(err)
		}
		out = strings.ReplaceAll(out, "`"+db+"`.", "")
		out = autoIncRE.ReplaceAllString(out, "")
		out = definerRE.ReplaceAllString(out, "")
		fields := strings.Split(strings.TrimSpace(out), "\t")
		b.WriteString(strings.ReplaceAll(fields[1], `\n`, "\n") + "\n")
	}
	return b.String()
}

type dbCase struct {
	name             string
	current, desired string // DDL (and seed rows) loaded by hand
	from, to         *schema.Schema
}

var dbCases = []dbCase{
	{
		name:    "add columns",
		current: "CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT, email varchar(100), PRIMARY KEY (id)); INSERT INTO users (email) VALUES ('a@x'), ('b@x');",
		desired: "CREATE TABLE users (id bigint NOT NULL AUTO_INCREMENT, email varchar(100), name varchar(50), status int NOT NULL DEFAULT 0, note text COMMENT 'it''s \\\\ here', PRIMARY KEY (id));",
		from:    mysqlSchema(table("users", col("id", "bigint", notNull, autoInc), col("email", "varchar", mods("100")), pk("id"))),
		to: mysqlSchema(table("users", col("id", "bigint", notNull, autoInc), col("email", "varchar", mods("100")),
			col("name", "varchar", mods("50")), col("status", "int", notNull, def("0")), col("note", "text", comment("it's \\ here")), pk("id"))),
	},
	{
		name:    "add NOT NULL column to an empty table",
		current: "CREATE TABLE orders (id bigint NOT NULL, PRIMARY KEY (id));",
		desired: "CREATE TABLE orders (id bigint NOT NULL, ref varchar(20) NOT NULL, PRIMARY KEY (id));",
		from:    mysqlSchema(table("orders", col("id", "bigint", notNull), pk("id"))),
		to:      mysqlSchema(table("orders", col("id", "bigint", notNull), col("ref", "varchar", mods("20"), notNull), pk("id"))),
	},
	{
		name:    "drop column",
		current: "CREATE TABLE users (id bigint NOT NULL, email varchar(100), legacy int, PRIMARY KEY (id)); INSERT INTO users VALUES (1, 'a', 2);",
		desired: "CREATE TABLE users (id bigint NOT NULL, email varchar(100), PRIMARY KEY (id));",
		from:    mysqlSchema(table("users", col("id", "bigint", notNull), col("email", "varchar", mods("100")), col("legacy", "int"), pk("id"))),
		to:      mysqlSchema(table("users", col("id", "bigint", notNull), col("email", "varchar", mods("100")), pk("id"))),
	},
	{
		name:    "type changes",
		current: "CREATE TABLE t (id int NOT NULL, a varchar(50), b int, e enum('x','y'), u int unsigned, PRIMARY KEY (id)); INSERT INTO t VALUES (1, 'a', 2, 'y', 3);",
		desired: "CREATE TABLE t (id int NOT NULL, a varchar(60), b bigint, e enum('x','y','z'), u bigint unsigned, PRIMARY KEY (id));",
		from: mysqlSchema(table("t", col("id", "int", notNull), col("a", "varchar", mods("50")), col("b", "int"),
			col("e", "enum", mods("'x'", "'y'")), col("u", "int", unsigned), pk("id"))),
		to: mysqlSchema(table("t", col("id", "int", notNull), col("a", "varchar", mods("60")), col("b", "bigint"),
			col("e", "enum", mods("'x'", "'y'", "'z'")), col("u", "bigint", unsigned), pk("id"))),
	},
	{
		name:    "nullability and defaults",
		current: "CREATE TABLE t (id int NOT NULL, a int, b int NOT NULL, c int DEFAULT 1, d int NOT NULL DEFAULT 3, PRIMARY KEY (id)); INSERT INTO t VALUES (1, 1, 1, 1, 1);",
		desired: "CREATE TABLE t (id int NOT NULL, a int NOT NULL, b int, c int DEFAULT 2, d int NOT NULL, PRIMARY KEY (id));",
		from: mysqlSchema(table("t", col("id", "int", notNull), col("a", "int"), col("b", "int", notNull), col("c", "int", def("1")),
			col("d", "int", notNull, def("3")), pk("id"))),
		to: mysqlSchema(table("t", col("id", "int", notNull), col("a", "int", notNull), col("b", "int"), col("c", "int", def("2")),
			col("d", "int", notNull), pk("id"))),
	},
	{
		name:    "indexes",
		current: "CREATE TABLE t (id int NOT NULL, a int, b int, c int, p varchar(100), PRIMARY KEY (id), KEY idx_old (a), KEY idx_change (a)); INSERT INTO t VALUES (1, 1, 1, 1, 'x'), (2, 2, 2, 2, 'y');",
		desired: "CREATE TABLE t (id int NOT NULL, a int, b int, c int, p varchar(100), PRIMARY KEY (id), KEY idx_change (a, b), KEY idx_b (b), UNIQUE KEY u_c (c), KEY idx_p (p(10)));",
		from: mysqlSchema(table("t", col("id", "int", notNull), col("a", "int"), col("b", "int"), col("c", "int"), col("p", "varchar", mods("100")), pk("id")),
			index("t", "idx_old", false, "a"), index("t", "idx_change", false, "a")),
		to: mysqlSchema(table("t", col("id", "int", notNull), col("a", "int"), col("b", "int"), col("c", "int"), col("p", "varchar", mods("100")), pk("id")),
			index("t", "idx_change", false, "a", "b"), index("t", "idx_b", false, "b"), index("t", "u_c", true, "c"), index("t", "idx_p", false, "p(10)")),
	},
	{
		name: "foreign keys",
		current: "CREATE TABLE par (id bigint NOT NULL, PRIMARY KEY (id)); CREATE TABLE child (id bigint NOT NULL, par_id bigint, old_id bigint, PRIMARY KEY (id), KEY fk_old (old_id), CONSTRAINT fk_old FOREIGN KEY (old_id) REFERENCES par (id));" +
			" INSERT INTO par VALUES (1), (2); INSERT INTO child VALUES (1, 1, 1), (2, NULL, 2);",
		desired: "CREATE TABLE par (id bigint NOT NULL, PRIMARY KEY (id)); CREATE TABLE child (id bigint NOT NULL, par_id bigint, old_id bigint, PRIMARY KEY (id), KEY fk_old (old_id), KEY fk_child_par (par_id), CONSTRAINT fk_child_par FOREIGN KEY (par_id) REFERENCES par (id) ON DELETE CASCADE);",
		from: mysqlSchema(table("par", col("id", "bigint", notNull), pk("id")),
			table("child", col("id", "bigint", notNull), col("par_id", "bigint"), col("old_id", "bigint"), pk("id"), fk("fk_old", []string{"old_id"}, "par", []string{"id"}, "NO ACTION")),
			index("child", "fk_old", false, "old_id")),
		to: mysqlSchema(table("par", col("id", "bigint", notNull), pk("id")),
			table("child", col("id", "bigint", notNull), col("par_id", "bigint"), col("old_id", "bigint"), pk("id"), fk("fk_child_par", []string{"par_id"}, "par", []string{"id"}, "CASCADE")),
			index("child", "fk_old", false, "old_id"), index("child", "fk_child_par", false, "par_id")),
	},
	{
		name:    "check constraints",
		current: "CREATE TABLE t (id int NOT NULL, qty int, PRIMARY KEY (id), CONSTRAINT old_chk CHECK (qty >= 0)); INSERT INTO t VALUES (1, 5);",
		desired: "CREATE TABLE t (id int NOT NULL, qty int, PRIMARY KEY (id), CONSTRAINT new_chk CHECK (qty < 1000));",
		from:    mysqlSchema(table("t", col("id", "int", notNull), col("qty", "int"), pk("id"), check("old_chk", "qty >= 0"))),
		to:      mysqlSchema(table("t", col("id", "int", notNull), col("qty", "int"), pk("id"), check("new_chk", "qty < 1000"))),
	},
	{
		name:    "primary key change",
		current: "CREATE TABLE t (id int NOT NULL, k int NOT NULL, PRIMARY KEY (id)); INSERT INTO t VALUES (1, 1), (2, 1);",
		desired: "CREATE TABLE t (id int NOT NULL, k int NOT NULL, PRIMARY KEY (id, k));",
		from:    mysqlSchema(table("t", col("id", "int", notNull), col("k", "int", notNull), pk("id"))),
		to:      mysqlSchema(table("t", col("id", "int", notNull), col("k", "int", notNull), pk("id", "k"))),
	},
	{
		name:    "new table with a foreign key, dropped table",
		current: "CREATE TABLE users (id bigint NOT NULL, PRIMARY KEY (id)); CREATE TABLE legacy (id int NOT NULL, PRIMARY KEY (id));",
		desired: "CREATE TABLE users (id bigint NOT NULL, PRIMARY KEY (id));" +
			" CREATE TABLE posts (id bigint NOT NULL AUTO_INCREMENT, user_id bigint NOT NULL, title varchar(100) NOT NULL DEFAULT '', body text, PRIMARY KEY (id), KEY fk_posts_user (user_id), FULLTEXT KEY ft_body (body), CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id)) COMMENT='posts';",
		from: mysqlSchema(table("users", col("id", "bigint", notNull), pk("id")), table("legacy", col("id", "int", notNull), pk("id"))),
		to: mysqlSchema(table("users", col("id", "bigint", notNull), pk("id")),
			table("posts", col("id", "bigint", notNull, autoInc), col("user_id", "bigint", notNull), col("title", "varchar", mods("100"), notNull, def("''")), col("body", "text"),
				pk("id"), fk("fk_posts_user", []string{"user_id"}, "users", []string{"id"}, "NO ACTION"), "posts"),
			index("posts", "fk_posts_user", false, "user_id"), fulltext("posts", "ft_body", "body")),
	},
	{
		name:    "views",
		current: "CREATE TABLE t (id int NOT NULL, a int, PRIMARY KEY (id)); CREATE VIEW v_old AS SELECT id FROM t; CREATE VIEW v_changed AS SELECT id FROM t;",
		desired: "CREATE TABLE t (id int NOT NULL, a int, PRIMARY KEY (id)); CREATE VIEW v_changed AS SELECT id, a FROM t; CREATE VIEW v_new AS SELECT a FROM t WHERE a > 0;",
		from: mysqlSchema(table("t", col("id", "int", notNull), col("a", "int"), pk("id")),
			view("v_old", "SELECT id FROM t", "t"), view("v_changed", "SELECT id FROM t", "t")),
		to: mysqlSchema(table("t", col("id", "int", notNull), col("a", "int"), pk("id")),
			view("v_changed", "SELECT id, a FROM t", "t"), view("v_new", "SELECT a FROM t WHERE a > 0", "t")),
	},
	{
		name: "column attributes and comments",
		current: "CREATE TABLE t (id int NOT NULL, name varchar(20) CHARACTER SET latin1, updated datetime, note varchar(10) COMMENT 'old', PRIMARY KEY (id)) DEFAULT CHARSET=utf8mb4;" +
			" INSERT INTO t VALUES (1, 'caf', NULL, 'n');",
		desired: "CREATE TABLE t (id int NOT NULL, name varchar(20), updated datetime ON UPDATE CURRENT_TIMESTAMP, note varchar(10) COMMENT 'new', PRIMARY KEY (id)) DEFAULT CHARSET=utf8mb4 COMMENT='a table';",
		from: mysqlSchema(table("t", col("id", "int", notNull), col("name", "varchar", mods("20"), charset("latin1")), col("updated", "datetime"),
			col("note", "varchar", mods("10"), comment("old")), pk("id"), option{"charset", "utf8mb4"})),
		to: mysqlSchema(table("t", col("id", "int", notNull), col("name", "varchar", mods("20")), col("updated", "datetime", onUpdate("CURRENT_TIMESTAMP")),
			col("note", "varchar", mods("10"), comment("new")), pk("id"), option{"charset", "utf8mb4"}, "a table")),
	},
	{
		name:    "table character set",
		current: "CREATE TABLE t (id int NOT NULL, name varchar(20), PRIMARY KEY (id)) DEFAULT CHARSET=latin1; INSERT INTO t VALUES (1, 'x');",
		desired: "CREATE TABLE t (id int NOT NULL, name varchar(20), PRIMARY KEY (id)) DEFAULT CHARSET=utf8mb4;",
		from:    mysqlSchema(table("t", col("id", "int", notNull), col("name", "varchar", mods("20")), pk("id"), option{"charset", "latin1"})),
		to:      mysqlSchema(table("t", col("id", "int", notNull), col("name", "varchar", mods("20")), pk("id"), option{"charset", "utf8mb4"})),
	},
	{
		name:    "fulltext",
		current: "CREATE TABLE t (id int NOT NULL, body text, PRIMARY KEY (id)); CREATE TABLE f (id int NOT NULL, body text, PRIMARY KEY (id), FULLTEXT KEY ft (body)); INSERT INTO t VALUES (1, 'hello');",
		desired: "CREATE TABLE t (id int NOT NULL, body text, PRIMARY KEY (id), FULLTEXT KEY ft_body (body)); CREATE TABLE f (id int NOT NULL, body text, extra int, PRIMARY KEY (id), FULLTEXT KEY ft (body));",
		from: mysqlSchema(table("t", col("id", "int", notNull), col("body", "text"), pk("id")), table("f", col("id", "int", notNull), col("body", "text"), pk("id")),
			fulltext("f", "ft", "body")),
		to: mysqlSchema(table("t", col("id", "int", notNull), col("body", "text"), pk("id")), table("f", col("id", "int", notNull), col("body", "text"), col("extra", "int"), pk("id")),
			fulltext("t", "ft_body", "body"), fulltext("f", "ft", "body")),
	},
}

// phaseFiles renders the plan's phase files, in order.
func phaseFiles(t *testing.T, from, to *schema.Schema, target string) []string {
	t.Helper()
	d := diff.Schemas(from, to)
	for _, c := range d.Changes {
		if u, ok := c.(diff.Unsupported); ok {
			t.Fatalf("unsupported change: %s %s", u.What, u.Name)
		}
	}
	// In place: these cases pin the ALGORITHM of each change; shadow columns are tested by the traffic cases.
	p, err := planner.New(d, planner.Options{Target: target, TypeChange: planner.TypeChangeInPlace})
	if err != nil {
		t.Fatal(err)
	}
	res := &report.Result{Current: "current.sql", Desired: "desired.sql", Plan: p}
	var files []string
	for _, ph := range planner.Phases {
		if len(p.PhaseSteps(ph)) > 0 {
			files = append(files, report.PhaseSQL(res, ph))
		}
	}
	return files
}

// TestMySQLPhasesOnMariaDB applies each case's phase files twice, in
// order, to a database loaded with CURRENT, and compares it with DESIRED
// loaded into a fresh one.
func TestMySQLPhasesOnMariaDB(t *testing.T) {
	needMySQL(t)
	for _, tc := range dbCases {
		for _, target := range []string{"", planner.TargetMariaDB} {
			t.Run(tc.name+"/"+target, func(t *testing.T) {
				t.Parallel()
				got, want := tempDB(t), tempDB(t)
				if _, err := mysqlCLI(got, tc.current); err != nil {
					t.Fatalf("load CURRENT: %v", err)
				}
				if _, err := mysqlCLI(want, tc.desired); err != nil {
					t.Fatalf("load DESIRED: %v", err)
				}
				for _, f := range phaseFiles(t, tc.from, tc.to, target) {
					for run := 1; run <= 2; run++ {
						if out, err := mysqlCLI(got, f); err != nil {
							t.Fatalf("run %d of\n%s\nfailed: %v", run, f, err)
						} else if out != "" {
							t.Errorf("phase file printed %q", out)
						}
					}
				}
				if d := cmp.Diff(shape(t, want), shape(t, got)); d != "" {
					t.Errorf("schema after the plan differs from DESIRED (-want +got):\n%s", d)
				}
			})
		}
	}
}

// TestMySQLChecksStopThePhase: a foreign key added over orphan rows, and
// NOT NULL over NULLs, stop their phase with an error naming the problem.
func TestMySQLChecksStopThePhase(t *testing.T) {
	needMySQL(t)
	cases := []struct {
		name, current, want string
		from, to            *schema.Schema
	}{
		{"orphans", "CREATE TABLE par (id bigint NOT NULL, PRIMARY KEY (id)); CREATE TABLE child (id bigint NOT NULL, par_id bigint, PRIMARY KEY (id)); INSERT INTO child VALUES (1, 42);",
			"Unknown column 'zdplan: rows violate FOREIGN KEY fk_child_par'",
			mysqlSchema(table("par", col("id", "bigint", notNull), pk("id")), table("child", col("id", "bigint", notNull), col("par_id", "bigint"), pk("id"))),
			mysqlSchema(table("par", col("id", "bigint", notNull), pk("id")), table("child", col("id", "bigint", notNull), col("par_id", "bigint"), pk("id"),
				fk("fk_child_par", []string{"par_id"}, "par", []string{"id"}, "NO ACTION")), index("child", "fk_child_par", false, "par_id"))},
		{"nulls", "CREATE TABLE t (id int NOT NULL, a int, PRIMARY KEY (id)); INSERT INTO t VALUES (1, NULL);",
			"Unknown column 'zdplan: NULLs left in t.a'",
			mysqlSchema(table("t", col("id", "int", notNull), col("a", "int"), pk("id"))),
			mysqlSchema(table("t", col("id", "int", notNull), col("a", "int", notNull), pk("id")))},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			db := tempDB(t)
			if _, err := mysqlCLI(db, tc.current); err != nil {
				t.Fatal(err)
			}
			var err error
			for _, f := range phaseFiles(t, tc.from, tc.to, "") {
				if _, err = mysqlCLI(db, f); err != nil {
					break
				}
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got error %v, want one containing %q", err, tc.want)
			}
		})
	}
}
