package main

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// TestBadInput is the table of hostile and broken input: each row gives
// the exact outcome, either exit code 2 with one "file:line:col: message"
// line on stderr and nothing on stdout, or a diagnostic next to a plan
// that is still produced.
func TestBadInput(t *testing.T) {
	const (
		pgTable = "CREATE TABLE t (id int PRIMARY KEY);\n"
		myTable = "CREATE TABLE t (id int PRIMARY KEY) ENGINE=InnoDB;\n"
	)
	long := func(lines int, bad string) string {
		var b strings.Builder
		for i := range lines {
			if i == lines/2 {
				b.WriteString(bad)
				continue
			}
			fmt.Fprintf(&b, "CREATE TABLE t%d (id bigint PRIMARY KEY, name text);\n", i)
		}
		return b.String()
	}
	name := func(c byte, n int) string { return strings.Repeat(string(c), n) }
	for _, tc := range []struct {
		name             string
		args             []string // flags before the files
		current, desired string
		code             int
		// stderr is the whole of it, for exit code 2: "zdplan: " + err.
		stderr string
		// stdout holds these, for a plan that is still produced.
		stdout []string
	}{
		// Empty input is a schema with nothing in it, said loudly when
		// it is DESIRED.
		{name: "postgres/empty desired", current: pgTable, desired: "", code: 0,
			stdout: []string{"DROP TABLE IF EXISTS public.t;", "desired.sql:1:1: warning: DESIRED defines nothing (the file is empty or only comments): the plan drops everything CURRENT has"}},
		{name: "mysql/empty desired", args: []string{"--dialect", "mysql"}, current: myTable, desired: "", code: 0,
			stdout: []string{"DROP TABLE IF EXISTS `t`;", "desired.sql:1:1: warning: DESIRED defines nothing"}},
		{name: "postgres/only comments", current: pgTable, desired: "-- nothing here\n/* nor here */\n", code: 0,
			stdout: []string{"DROP TABLE IF EXISTS public.t;", "desired.sql:1:1: warning: DESIRED defines nothing"}},
		{name: "mysql/only comments", args: []string{"--dialect", "mysql"}, current: myTable, desired: "# nothing\n-- here\n/* either */\n", code: 0,
			stdout: []string{"DROP TABLE IF EXISTS `t`;", "desired.sql:1:1: warning: DESIRED defines nothing"}},
		{name: "postgres/both empty", current: "", desired: "\n", code: 0, stdout: []string{"No changes"}},
		{name: "empty current", current: "", desired: pgTable, code: 0, stdout: []string{"CREATE TABLE IF NOT EXISTS public.t"}},

		// Binary garbage.
		{name: "postgres/NUL byte", current: pgTable, desired: "CREATE\n TABLE \x00\x01\x02", code: 2,
			stderr: "desired.sql:2:8: NUL byte in input (is this a binary file?)"},
		{name: "mysql/NUL byte", args: []string{"--dialect", "mysql"}, current: myTable, desired: "\x7fELF\x02\x01\x01\x00", code: 2,
			stderr: "desired.sql:1:8: NUL byte in input (is this a binary file?)"},
		{name: "postgres/invalid UTF-8", current: "CREATE TABLE t (note text DEFAULT 'ok \xff');\n", desired: pgTable, code: 2,
			stderr: "current.sql:1:39: invalid UTF-8 in input"},
		{name: "mysql/invalid UTF-8", args: []string{"--dialect", "mysql"}, current: myTable, desired: "\xfe\xfe\xfe", code: 2,
			stderr: "desired.sql:1:1: invalid UTF-8 in input"},

		// A syntax error in the middle of a long file points at its line.
		{name: "postgres/syntax error at line 501 of 1000", current: pgTable, desired: long(1000, "CREATE TABLE broken (id int,, name text);\n"), code: 2,
			stderr: "desired.sql:501:29: syntax error at or near \",\""},
		{name: "mysql/syntax error at line 501 of 1000", args: []string{"--dialect", "mysql"}, current: myTable, desired: long(1000, "CREATE TABLE broken (id int,, name text);\n"), code: 2,
			stderr: "desired.sql:501:29: syntax error at or near \",\""},

		// Unterminated strings, quoted names, dollar quotes and comments
		// point at where they open.
		{name: "postgres/unterminated string", current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  s text DEFAULT 'abc);\nCREATE TABLE u (id int);\n", code: 2,
			stderr: "desired.sql:2:18: unterminated quoted string at or near \"'abc);\nCREATE TABLE u (id int);\n\""},
		{name: "mysql/unterminated string", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  s text DEFAULT 'abc);\nCREATE TABLE u (id int);\n", code: 2,
			stderr: "desired.sql:2:18: unterminated quoted string"},
		{name: "mysql/unterminated string in skipped INSERT", args: []string{"--dialect", "mysql"}, current: myTable, desired: myTable + "INSERT INTO t VALUES ('x);\nCREATE TABLE u (id int);\n", code: 2,
			stderr: "desired.sql:2:23: unterminated quoted string"},
		{name: "postgres/unterminated quoted name", current: pgTable, desired: "CREATE TABLE \"t (id int);\n", code: 2,
			stderr: "desired.sql:1:14: unterminated quoted identifier at or near \"\"t (id int);\n\""},
		{name: "mysql/unterminated quoted name", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE `t (id int);\n", code: 2,
			stderr: "desired.sql:1:14: unterminated quoted identifier"},
		{name: "postgres/unterminated dollar quote", current: pgTable, desired: pgTable + "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $body$ SELECT 1;\n", code: 2,
			stderr: "desired.sql:2:49: unterminated dollar-quoted string at or near \"$body$ SELECT 1;\n\""},
		{name: "postgres/unterminated comment", current: pgTable, desired: pgTable + "/* never closed\n", code: 2,
			stderr: "desired.sql:2:1: unterminated /* comment at or near \"/* never closed\n\""},
		{name: "mysql/unterminated comment", args: []string{"--dialect", "mysql"}, current: myTable, desired: myTable + "/* never closed\nCREATE TABLE u (id int);\n", code: 2,
			stderr: "desired.sql:2:1: unterminated /* comment"},

		// Nesting deeper than the parsers go.
		{name: "postgres/parentheses nested 20,000 deep", current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT " + strings.Repeat("(", 20000) + "1" + strings.Repeat(")", 20000) + ");\n", code: 2,
			stderr: "desired.sql:1:10035: memory exhausted at or near \"(\""},
		{name: "postgres/10,100 terms", current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY, a int CHECK (" + strings.Repeat("a + ", 10100) + "a > 0));\n", code: 2,
			stderr: "desired.sql:1:1: an expression is nested too deeply (over 10,000 levels) to read"},
		{name: "mysql/parentheses nested 20,000 deep", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY, a int DEFAULT " + strings.Repeat("(", 20000) + "1" + strings.Repeat(")", 20000) + ");\n", code: 0,
			stdout: []string{"ADD COLUMN `a` int NULL DEFAULT 1"}},

		// CRLF line endings and a UTF-8 byte order mark change nothing,
		// positions included.
		{name: "postgres/CRLF and BOM", current: pgTable, desired: "\ufeffCREATE TABLE t (\r\n  id int PRIMARY KEY\r\n);\r\n", code: 0, stdout: []string{"No changes"}},
		{name: "mysql/CRLF and BOM", args: []string{"--dialect", "mysql"}, current: myTable, desired: "\ufeffCREATE TABLE t (\r\n  id int PRIMARY KEY\r\n) ENGINE=InnoDB;\r\n", code: 0, stdout: []string{"No changes"}},
		{name: "postgres/CRLF and BOM, error position", current: pgTable, desired: "\ufeffCREATE TABLE t (id int,,\r\n);\r\n", code: 2,
			stderr: "desired.sql:1:24: syntax error at or near \",\""},
		{name: "mysql/CRLF and BOM, error position", args: []string{"--dialect", "mysql"}, current: myTable, desired: "\ufeffCREATE TABLE t (\r\n  id int,,\r\n);\r\n", code: 2,
			stderr: "desired.sql:2:10: syntax error at or near \",\""},

		// What the server refuses, zdplan refuses.
		{name: "postgres/table defined twice", current: pgTable, desired: pgTable + "CREATE TABLE t (id int);\n", code: 2,
			stderr: "desired.sql:2:14: relation public.t already exists"},
		{name: "mysql/table defined twice", args: []string{"--dialect", "mysql"}, current: myTable, desired: myTable + "CREATE TABLE t (id int);\n", code: 2,
			stderr: "desired.sql:2:14: table t already exists"},
		{name: "postgres/foreign key to a missing table", current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  u int REFERENCES nope (id));\n", code: 2,
			stderr: "desired.sql:2:9: foreign key t_u_fkey references missing table public.nope"},
		{name: "mysql/foreign key to a missing table", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  u int, FOREIGN KEY (u) REFERENCES nope (id));\n", code: 2,
			stderr: "desired.sql:2:10: foreign key t_ibfk_1 references missing table nope"},
		{name: "mysql/foreign key to a table created later", args: []string{"--dialect", "mysql"}, current: myTable,
			desired: "CREATE TABLE a (id int PRIMARY KEY, b_id int, FOREIGN KEY (b_id) REFERENCES b (id));\nCREATE TABLE b (id int PRIMARY KEY);\n" + myTable, code: 0,
			stdout: []string{"CREATE TABLE IF NOT EXISTS `a`"}},

		// The wrong dialect says so.
		{name: "postgres DDL as mysql", args: []string{"--dialect", "mysql"}, current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY, at timestamptz);\n", code: 2,
			stderr: "desired.sql:1:40: syntax error at or near \"timestamptz\" (the file parses as postgres: is --dialect mysql right?)"},
		{name: "mysql DDL as postgres", args: []string{"--dialect", "postgres"}, current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY, n int UNSIGNED);\n", code: 2,
			stderr: "desired.sql:1:43: syntax error at or near \"UNSIGNED\" (the file parses as mysql: is --dialect postgres right?)"},
		{name: "mysql DDL detected, postgres DDL in the other file", current: "CREATE TABLE `t` (id int PRIMARY KEY);\n", desired: "CREATE TABLE t (id int PRIMARY KEY, at timestamptz);\n", code: 2,
			stderr: "desired.sql:1:40: syntax error at or near \"timestamptz\" (the file parses as postgres: is the detected dialect, mysql right?)"},

		{name: "postgres syntax error in a statement mysql skips", current: pgTable, desired: pgTable + "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTON f();\n", code: 2,
			stderr: "desired.sql:2:58: syntax error at or near \"FUNCTON\""},

		// Statements the model does not cover are reported, and the rest
		// is still planned.
		{name: "postgres/unsupported statement unchanged", current: pgTable + "CREATE RULE r AS ON INSERT TO t DO ALSO NOTHING;\n",
			desired: "CREATE TABLE t (id int PRIMARY KEY, x int);\nCREATE RULE r AS ON INSERT TO t DO ALSO NOTHING;\n", code: 0,
			stdout: []string{"ADD COLUMN IF NOT EXISTS x integer;", "desired.sql:2:1: warning: unsupported: CREATE RULE is not modelled; zdplan will not plan changes to it"}},
		{name: "postgres/unsupported statement added", current: pgTable, desired: pgTable + "CREATE RULE r AS ON INSERT TO t DO ALSO NOTHING;\n", code: 1,
			stdout: []string{"desired.sql:2:1: error ZD001 [unsupported-construct]: unsupported: CREATE RULE added or changed; zdplan does not plan it"}},
		{name: "mysql/unsupported statement added", args: []string{"--dialect", "mysql"}, current: myTable, desired: myTable + "CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW SET @a = 1;\n", code: 1,
			stdout: []string{"desired.sql:2:1: error ZD001 [unsupported-construct]: unsupported: CREATE TRIGGER added or changed; zdplan does not plan it"}},

		// Hints that cannot be followed.
		{name: "postgres/hint names a missing column", current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int -- zdplan:renamed-from nope\n);\n", code: 2,
			stderr: "desired.sql:2:9: zdplan:renamed-from nope: table public.t has no column nope in CURRENT"},
		{name: "mysql/hint names a missing column", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int -- zdplan:renamed-from nope\n);\n", code: 2,
			stderr: "desired.sql:2:9: zdplan:renamed-from nope: table t has no column nope in CURRENT"},
		{name: "postgres/using reads a missing column", current: "CREATE TABLE t (id int PRIMARY KEY, x text);\n", desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int -- zdplan:using nope::int\n);\n", code: 2,
			stderr: "desired.sql:2:9: zdplan:using: table public.t has no column nope in CURRENT"},
		{name: "postgres/unknown hint", current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int -- zdplan:renamed y\n);\n", code: 2,
			stderr: "desired.sql:2:9: unknown zdplan hint \"renamed\" (known: renamed-from, split-from, using, backfill, ignore)"},
		{name: "postgres/hint annotates nothing", current: pgTable, desired: pgTable + "-- zdplan:renamed-from q\n", code: 2,
			stderr: "desired.sql:2:1: zdplan:renamed-from q annotates nothing: put it at the end of a column's line, or on the line right above a column or CREATE TABLE"},
		{name: "postgres/two columns renamed from one", current: "CREATE TABLE t (id int PRIMARY KEY, a int);\n", desired: "CREATE TABLE t (id int PRIMARY KEY,\n  b int, -- zdplan:renamed-from a\n  c int -- zdplan:renamed-from a\n);\n", code: 2,
			stderr: "desired.sql:3:9: zdplan:renamed-from a: column a is already renamed to b (line 2)"},
		{name: "mysql/two columns renamed from one", args: []string{"--dialect", "mysql"}, current: "CREATE TABLE t (id int PRIMARY KEY, a int);\n", desired: "CREATE TABLE t (id int PRIMARY KEY,\n  b int, -- zdplan:renamed-from a\n  c int -- zdplan:renamed-from a\n);\n", code: 2,
			stderr: "desired.sql:3:9: zdplan:renamed-from a: column a is already renamed to b (line 2)"},
		{name: "postgres/two tables renamed from one", current: pgTable, desired: "-- zdplan:renamed-from t\nCREATE TABLE a (id int PRIMARY KEY);\n-- zdplan:renamed-from t\nCREATE TABLE b (id int PRIMARY KEY);\n", code: 2,
			stderr: "desired.sql:3:1: zdplan:renamed-from public.t: table public.t is already renamed to public.a (line 1)"},
		{name: "postgres/one column, two renames", current: "CREATE TABLE t (id int PRIMARY KEY, a int, b int);\n", desired: "CREATE TABLE t (id int PRIMARY KEY, b int,\n  -- zdplan:renamed-from a\n  c int -- zdplan:renamed-from b\n);\n", code: 2,
			stderr: "desired.sql:3:9: zdplan:renamed-from b conflicts with zdplan:renamed-from a at line 2, on the same object: give one"},
		{name: "mysql/renamed and split", args: []string{"--dialect", "mysql"}, current: myTable, desired: "-- zdplan:renamed-from t\n-- zdplan:split-from t on id = id\nCREATE TABLE u (id int PRIMARY KEY);\n", code: 2,
			stderr: "desired.sql:2:1: zdplan:split-from t on id = id conflicts with zdplan:renamed-from t at line 1, on the same object: give one"},

		// A hint expression is one expression, or nothing.
		{name: "postgres/backfill hint closes its parenthesis", current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int NOT NULL -- zdplan:backfill 1); DROP TABLE t; SELECT (1\n);\n", code: 2,
			stderr: "desired.sql:2:18: zdplan:backfill 1); DROP TABLE t; SELECT (1: not a single SQL expression"},
		{name: "mysql/backfill hint closes its parenthesis", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int NOT NULL -- zdplan:backfill 1); DROP TABLE t; SELECT (1\n);\n", code: 2,
			stderr: "desired.sql:2:18: zdplan:backfill 1); DROP TABLE t; SELECT (1: not a single SQL expression"},
		{name: "postgres/using hint with a second statement", current: "CREATE TABLE t (id int PRIMARY KEY, x text);\n", desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int -- zdplan:using 1; DROP TABLE t\n);\n", code: 2,
			stderr: "desired.sql:2:9: zdplan:using 1; DROP TABLE t: not a single SQL expression: syntax error at or near \";\""},
		{name: "postgres/backfill flag with a second statement", args: []string{"--backfill", "t.x=1; DROP TABLE t"}, current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY, x int NOT NULL);\n", code: 2,
			stderr: "--backfill: zdplan:backfill 1; DROP TABLE t: not a single SQL expression: syntax error at or near \";\""},
		{name: "mysql/using flag with a second statement", args: []string{"--dialect", "mysql", "--using", "t.x=1; DROP TABLE t"}, current: "CREATE TABLE t (id int PRIMARY KEY, x text);\n", desired: "CREATE TABLE t (id int PRIMARY KEY, x int);\n", code: 2,
			stderr: "--using: zdplan:using 1; DROP TABLE t: not a single SQL expression: syntax error at or near \";\""},
		{name: "postgres/backfill with a subquery that writes", args: []string{"--backfill", "t.x=(WITH d AS (DELETE FROM t RETURNING 1) SELECT 1)"}, current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY, x int NOT NULL);\n", code: 2,
			stderr: "--backfill: zdplan:backfill (WITH d AS (DELETE FROM t RETURNING 1) SELECT 1): not a single SQL expression: subqueries are not allowed in hints (the value comes from the row alone)"},
		{name: "postgres/using with a subquery", current: "CREATE TABLE t (id int PRIMARY KEY, x text);\n", desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int -- zdplan:using (SELECT max(id) FROM t)\n);\n", code: 2,
			stderr: "desired.sql:2:9: zdplan:using (SELECT max(id) FROM t): not a single SQL expression: subqueries are not allowed in hints (the value comes from the row alone)"},
		{name: "mysql/backfill with a subquery", args: []string{"--dialect", "mysql", "--backfill", "t.x=(SELECT COUNT(*) FROM t)"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY, x int NOT NULL);\n", code: 2,
			stderr: "--backfill: zdplan:backfill (SELECT COUNT(*) FROM t): not a single SQL expression: subqueries are not allowed in hints (the value comes from the row alone)"},
		{name: "mysql/using hint in a file, second statement", args: []string{"--dialect", "mysql"}, current: "CREATE TABLE t (id int PRIMARY KEY, x text);\n", desired: "CREATE TABLE t (id int PRIMARY KEY,\n  x int -- zdplan:using 1); DROP TABLE t; SELECT (1\n);\n", code: 2,
			stderr: "desired.sql:2:9: zdplan:using 1); DROP TABLE t; SELECT (1: not a single SQL expression"},

		// Identifier length limits, as each server has them: PostgreSQL
		// truncates to 63 bytes (with a NOTICE), MySQL refuses names
		// over 64 characters.
		{name: "postgres/63-byte name", current: "", desired: "CREATE TABLE " + name('a', 63) + " (id int PRIMARY KEY);\n", code: 0,
			stdout: []string{"CREATE TABLE IF NOT EXISTS public." + name('a', 63) + " ("}},
		{name: "postgres/64-byte name is truncated", current: "", desired: "CREATE TABLE " + name('a', 64) + " (id int PRIMARY KEY);\n", code: 0,
			stdout: []string{"CREATE TABLE IF NOT EXISTS public." + name('a', 63) + " (",
				"desired.sql:1:14: warning: identifier " + name('a', 64) + " is 64 bytes long; PostgreSQL truncates it to " + name('a', 63) + " (63 bytes)"}},
		{name: "postgres/truncation never splits a character", current: "", desired: "CREATE TABLE \"" + strings.Repeat("é", 32) + "\" (id int PRIMARY KEY);\n", code: 0,
			stdout: []string{"CREATE TABLE IF NOT EXISTS public.\"" + strings.Repeat("é", 31) + "\" ("}},
		{name: "postgres/names equal once truncated", current: pgTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  " + name('c', 63) + "1 int,\n  " + name('c', 63) + "2 int);\n", code: 2,
			stderr: "desired.sql:3:3: column \"" + name('c', 63) + "\" specified more than once"},
		{name: "mysql/64-character name", args: []string{"--dialect", "mysql"}, current: "", desired: "CREATE TABLE " + strings.Repeat("é", 64) + " (id int PRIMARY KEY);\n", code: 0,
			stdout: []string{"CREATE TABLE IF NOT EXISTS `" + strings.Repeat("é", 64) + "`"}},
		{name: "mysql/65-character table name", args: []string{"--dialect", "mysql"}, current: "", desired: "CREATE TABLE " + name('a', 65) + " (id int PRIMARY KEY);\n", code: 2,
			stderr: "desired.sql:1:14: table name `aaaaaaaaaaaaaaaaaaaa...aaaaaaaaaa` is 65 characters long; MySQL and MariaDB take at most 64"},
		{name: "mysql/65-character column name", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  " + name('c', 65) + " int);\n", code: 2,
			stderr: "desired.sql:2:3: column name `cccccccccccccccccccc...cccccccccc` is 65 characters long; MySQL and MariaDB take at most 64"},
		{name: "mysql/65-character index name", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY, x int);\nCREATE INDEX " + name('i', 65) + " ON t (x);\n", code: 2,
			stderr: "desired.sql:2:1: index name `iiiiiiiiiiiiiiiiiiii...iiiiiiiiii` is 65 characters long; MySQL and MariaDB take at most 64"},
		{name: "mysql/65-character constraint name", args: []string{"--dialect", "mysql"}, current: myTable, desired: "CREATE TABLE t (id int PRIMARY KEY,\n  CONSTRAINT " + name('k', 65) + " CHECK (id > 0));\n", code: 2,
			stderr: "desired.sql:2:3: constraint name `kkkkkkkkkkkkkkkkkkkk...kkkkkkkkkk` is 65 characters long; MySQL and MariaDB take at most 64"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Chdir(t.TempDir())
			write(t, ".", "current.sql", tc.current)
			write(t, ".", "desired.sql", tc.desired)
			var out, errb bytes.Buffer
			code := run(append(tc.args, "current.sql", "desired.sql"), nil, &out, &errb)
			if code != tc.code {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out.String(), errb.String())
			}
			if tc.code == 2 {
				if got, want := errb.String(), "zdplan: "+tc.stderr+"\n"; got != want {
					t.Errorf("stderr:\n got %q\nwant %q", got, want)
				}
				if out.Len() > 0 {
					t.Errorf("exit code 2 with output on stdout:\n%s", out.String())
				}
				return
			}
			if errb.Len() > 0 {
				t.Errorf("unexpected stderr: %s", errb.String())
			}
			for _, s := range tc.stdout {
				if !strings.Contains(out.String(), s) {
					t.Errorf("stdout does not contain %q:\n%s", s, out.String())
				}
			}
		})
	}
}

// TestLargeInput: a 50 MB schema file is refused before it is read
// whole, with a clear error, quickly and without the memory parsing it
// would take.
func TestLargeInput(t *testing.T) {
	t.Chdir(t.TempDir())
	f, err := os.Create("desired.sql")
	if err != nil {
		t.Fatal(err)
	}
	line := []byte("CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL, email varchar(255));\n")
	chunk := bytes.Repeat(line, 1<<16/len(line))
	for n := 0; n < 50<<20; n += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	write(t, ".", "current.sql", "CREATE TABLE t (id int PRIMARY KEY);\n")
	for _, args := range [][]string{{"current.sql", "desired.sql"}, {"current.sql", "-"}} {
		var stdin *os.File
		if args[1] == "-" {
			if stdin, err = os.Open("desired.sql"); err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
		}
		start := time.Now()
		var out, errb bytes.Buffer
		code := run(args, stdin, &out, &errb)
		name := map[string]string{"desired.sql": "desired.sql", "-": "<stdin>"}[args[1]]
		if want := "zdplan: " + name + ": file is larger than 16 MiB, the most zdplan reads\n"; code != 2 || errb.String() != want {
			t.Errorf("%v: exit %d, stderr %q; want 2, %q", args, code, errb.String(), want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%v: refusing took %v", args, d)
		}
	}
}
