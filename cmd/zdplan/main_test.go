package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExitCodes checks the CLI contract: 0 plan without blocking finding,
// 1 blocking finding, 2 bad input or usage.
func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	cur := write(t, dir, "current.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);\n")
	addCol := write(t, dir, "add_col.sql", "CREATE TABLE users (id int PRIMARY KEY, email text, name text);\n")
	notNull := write(t, dir, "not_null.sql", "CREATE TABLE users (id int PRIMARY KEY, email text, name text NOT NULL);\n")
	renamed := write(t, dir, "renamed.sql", "CREATE TABLE users (id int PRIMARY KEY, mail text);\n")
	bad := write(t, dir, "bad.sql", "CREATE TABLE users (id int PRIMARY KEY,\n  email text,,\n);\n")
	for _, tc := range []struct {
		name       string
		args       []string
		stdin      string
		code       int
		stdout     string // substring
		stderr     string // substring
		noStdout   bool
		extraCheck func(t *testing.T, stdout string)
	}{
		{name: "plan", args: []string{cur, addCol}, code: 0, stdout: "ADD COLUMN IF NOT EXISTS name text;"},
		{name: "plan subcommand", args: []string{"plan", cur, addCol}, code: 0, stdout: "EXPAND"},
		{name: "no changes", args: []string{cur, cur}, code: 0, stdout: "No changes"},
		{name: "blocking finding", args: []string{cur, notNull}, code: 1, stdout: "ZD101"},
		{name: "handled findings never block", args: []string{"--fail-on", "info", cur, addCol}, code: 0},
		{name: "warning passes by default", args: []string{cur, renamed}, code: 0, stdout: "ZD106"},
		{name: "fail-on warning", args: []string{"--fail-on", "warning", cur, renamed}, code: 1, stdout: "zdplan:renamed-from email"},
		{name: "rename flag", args: []string{"--rename", "users.email=mail", cur, renamed}, code: 0, stdout: "keep email and mail in step"},
		{name: "rename flag, table", args: []string{"--rename", "users=people", cur, write(t, dir, "people.sql", "CREATE TABLE people (id int PRIMARY KEY, email text);\n")}, code: 0, stdout: "leave an updatable view public.users"},
		{name: "rename flag, bad", args: []string{"--rename", "users.email", cur, renamed}, code: 2, stderr: "--rename \"users.email\": want TARGET=VALUE"},
		{name: "rename flag, no such column", args: []string{"--rename", "users.nope=mail", cur, renamed}, code: 2, stderr: "no column nope in CURRENT"},
		{name: "backfill flag", args: []string{"--backfill", "users.name='x'", cur, notNull}, code: 0, stdout: "DEFAULT 'x'"},
		{name: "backfill flag, not one expression", args: []string{"--backfill", "users.name=1; DROP TABLE users", cur, notNull}, code: 2, stderr: "not a single SQL expression"},
		{name: "hint in file", args: []string{"-v", cur, write(t, dir, "hinted.sql", "CREATE TABLE users (id int PRIMARY KEY,\n mail text -- zdplan:renamed-from email\n);\n")}, code: 0, stdout: "ZD118"},
		{name: "type change in place", args: []string{"--type-change", "in-place", cur, write(t, dir, "typed.sql", "CREATE TABLE users (id int PRIMARY KEY, email integer);\n")}, code: 1, stdout: "REWRITES the table"},
		{name: "type change shadow", args: []string{cur, filepath.Join(dir, "typed.sql")}, code: 0, stdout: "email_zdplan_new"},
		{name: "type change unknown", args: []string{"--type-change", "magic", cur, addCol}, code: 2, stderr: "unknown type change strategy"},
		{name: "lint", args: []string{"lint", cur, notNull}, code: 1, stdout: "error ZD101"},
		{name: "lint clean", args: []string{"lint", cur, addCol}, code: 0, stdout: "no findings"},
		{name: "syntax error", args: []string{cur, bad}, code: 2, stderr: "bad.sql:2:14: syntax error at or near \",\"", noStdout: true},
		{name: "missing file", args: []string{cur, filepath.Join(dir, "nope.sql")}, code: 2, stderr: "nope.sql"},
		{name: "unknown flag", args: []string{"--nope", cur, addCol}, code: 2, stderr: "unknown flag"},
		{name: "wrong arg count", args: []string{cur}, code: 2, stderr: "accepts 2 arg"},
		{name: "unknown format", args: []string{"--format", "yaml", cur, addCol}, code: 2, stderr: "unknown --format"},
		{name: "unknown layout", args: []string{"--layout", "liquibase", cur, addCol}, code: 2, stderr: "unknown --layout"},
		{name: "unknown color", args: []string{"--color", "sometimes", cur, addCol}, code: 2, stderr: "unknown --color"},
		{name: "bad version start", args: []string{"--version-start", "0", cur, addCol}, code: 2, stderr: "--version-start 0"},
		{name: "sarif", args: []string{"--format", "sarif", cur, notNull}, code: 1, stdout: `"ruleId": "ZD101"`},
		{name: "markdown", args: []string{"--format", "markdown", cur, notNull}, code: 1, stdout: "<!-- zdplan -->\n"},
		{name: "color always", args: []string{"--color", "always", cur, notNull}, code: 1, stdout: "\x1b[1;31merror\x1b[0m"},
		{name: "batch size", args: []string{"--batch-size", "250", "--format", "sql", cur, addCol}, code: 0, stdout: "SET zdplan.batch_size = '250';"},
		{name: "unknown dialect", args: []string{"--dialect", "oracle", cur, addCol}, code: 2, stderr: "unknown --dialect"},
		{name: "stdin", args: []string{cur, "-"}, stdin: "CREATE TABLE users (id int PRIMARY KEY, email text, x int);", code: 0, stdout: "add column public.users.x"},
		{name: "rules", args: []string{"rules"}, code: 0, stdout: "ZD101  add-not-null-column-without-default"},
		{name: "one rule", args: []string{"rules", "ZD107"}, code: 0, stdout: "Safe pattern:"},
		{name: "unknown rule", args: []string{"rules", "ZD999"}, code: 2, stderr: "no rule"},
		{name: "json", args: []string{"--format", "json", cur, notNull}, code: 1, extraCheck: func(t *testing.T, out string) {
			var doc struct {
				Version  int
				Dialect  string
				Phases   []struct{ Name, File string }
				Findings []struct{ Rule, Severity, Location string }
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("invalid JSON: %v", err)
			}
			if doc.Version != 1 || doc.Dialect != "postgres" || len(doc.Phases) != 2 || doc.Phases[1].File != "03_contract.sql" {
				t.Errorf("unexpected document: %+v", doc)
			}
			if len(doc.Findings) == 0 || doc.Findings[0].Rule != "ZD101" || !strings.HasSuffix(doc.Findings[0].Location, "not_null.sql:1:53") {
				t.Errorf("unexpected findings: %+v", doc.Findings)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(tc.args, strings.NewReader(tc.stdin), &out, &errb)
			if code != tc.code {
				t.Errorf("exit code = %d, want %d\nstdout: %s\nstderr: %s", code, tc.code, out.String(), errb.String())
			}
			if !strings.Contains(out.String(), tc.stdout) {
				t.Errorf("stdout does not contain %q:\n%s", tc.stdout, out.String())
			}
			if !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("stderr does not contain %q:\n%s", tc.stderr, errb.String())
			}
			if tc.noStdout && out.Len() > 0 {
				t.Errorf("expected no output on stdout, got:\n%s", out.String())
			}
			if tc.extraCheck != nil {
				tc.extraCheck(t, out.String())
			}
		})
	}
}

// TestUsageAndConfig: --usage finds a dropped column still in use
// (blocking), and zdplan.yaml can lower that rule's severity.
func TestUsageAndConfig(t *testing.T) {
	dir := t.TempDir()
	cur := write(t, dir, "current.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\n")
	des := write(t, dir, "desired.sql", "CREATE TABLE orders (id bigint PRIMARY KEY);\n")
	app := filepath.Join(dir, "app")
	if err := os.MkdirAll(filepath.Join(app, "node_modules"), 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, app, "orders.py", "rows = db.query('SELECT note FROM orders')\n")
	write(t, filepath.Join(app, "node_modules"), "x.js", "orders.note\n")
	var out, errb bytes.Buffer
	if code := run([]string{"lint", "--usage", app, cur, des}, nil, &out, &errb); code != 1 {
		t.Fatalf("exit %d, want 1: %s%s", code, out.String(), errb.String())
	}
	if !strings.Contains(out.String(), "app/orders.py:1") || strings.Contains(out.String(), "node_modules") {
		t.Errorf("want a ZD116 finding pointing at app/orders.py:1 only:\n%s", out.String())
	}
	cfg := write(t, dir, "zdplan.yaml", "usage: ["+app+"]\nrules:\n  drop-still-used: warning\n")
	out.Reset()
	if code := run([]string{"lint", "--config", cfg, cur, des}, nil, &out, &errb); code != 0 {
		t.Errorf("with ZD116 lowered to warning: exit %d, want 0\n%s", code, out.String())
	}
	bad := write(t, dir, "bad.yaml", "rulez: {}\n")
	if code := run([]string{"lint", "--config", bad, cur, des}, nil, &out, &errb); code != 2 || !strings.Contains(errb.String(), "rulez") {
		t.Errorf("unknown config key: exit %d, stderr %q", code, errb.String())
	}
}

// TestColorAuto: auto never colours what is not a terminal, and NO_COLOR
// turns it off even where it would.
func TestColorAuto(t *testing.T) {
	var buf bytes.Buffer
	if on, err := useColor("auto", &buf); on || err != nil {
		t.Errorf("auto on a buffer: %v, %v", on, err)
	}
	t.Setenv("NO_COLOR", "1")
	if on, _ := useColor("auto", os.Stdout); on {
		t.Error("auto with NO_COLOR set colours")
	}
	if on, _ := useColor("always", &buf); !on {
		t.Error("always does not colour")
	}
}

// TestLayoutFlags: --layout and numbering from flags and from zdplan.yaml,
// flags winning.
func TestLayoutFlags(t *testing.T) {
	dir := t.TempDir()
	cur := write(t, dir, "current.sql", "CREATE TABLE users (id int PRIMARY KEY, email text);\n")
	des := write(t, dir, "desired.sql", "CREATE TABLE users (id int PRIMARY KEY, email text, name text);\nCREATE INDEX users_name_idx ON users (name);\n")
	cfg := write(t, dir, "zdplan.yaml", "layout: golang-migrate\nversion_start: 40\nmigration_name: add_name\nbatch_size: 100\n")
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"--layout", "flyway", "--version-start", "12"}, []string{"V12__expand.sql", "V12__expand.sql.conf"}},
		{[]string{"--layout", "pre-post"}, []string{"pre/01_expand.sql"}},
		{[]string{"--config", cfg}, []string{"000040_add_name_expand.down.sql", "000040_add_name_expand.up.sql"}},
		{[]string{"--config", cfg, "--version-start", "7", "--migration-name", "x"}, []string{"000007_x_expand.down.sql", "000007_x_expand.up.sql"}},
	} {
		out := filepath.Join(t.TempDir(), "migrations")
		var stdout, stderr bytes.Buffer
		if code := run(append(append(tc.args, "--out-dir", out), cur, des), nil, &stdout, &stderr); code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, stderr.String())
		}
		var got []string
		filepath.WalkDir(out, func(path string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				rel, _ := filepath.Rel(out, path)
				got = append(got, filepath.ToSlash(rel))
			}
			return err
		})
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%v: files %v, want %v", tc.args, got, tc.want)
		}
		if tc.args[0] == "--config" {
			b, _ := os.ReadFile(filepath.Join(out, got[1]))
			if !strings.Contains(string(b), "SET zdplan.batch_size = '100';") {
				t.Errorf("batch_size from zdplan.yaml not in %s", got[1])
			}
			if !strings.Contains(stderr.String(), "note: ") {
				t.Errorf("no note that golang-migrate cannot run CREATE INDEX CONCURRENTLY in a transaction: %q", stderr.String())
			}
		}
	}
}

// TestOutDir checks the phase files: named NN_<phase>.sql, only for
// phases with steps, each starting with a lock_timeout.
func TestOutDir(t *testing.T) {
	dir := t.TempDir()
	cur := write(t, dir, "current.sql", "CREATE TABLE users (id int PRIMARY KEY, email text, legacy text);\n")
	des := write(t, dir, "desired.sql", "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, age int CHECK (age > 0));\n")
	outDir := filepath.Join(dir, "plan")
	var out, errb bytes.Buffer
	if code := run([]string{"--out-dir", outDir, "--lock-timeout", "2s", cur, des}, nil, &out, &errb); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	entries, err := os.ReadDir(outDir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
		b, _ := os.ReadFile(filepath.Join(outDir, e.Name()))
		if !strings.Contains(string(b), "SET lock_timeout = '2s';") {
			t.Errorf("%s does not set lock_timeout", e.Name())
		}
	}
	if got, want := strings.Join(names, " "), "01_expand.sql 02_backfill.sql 03_contract.sql"; got != want {
		t.Errorf("files = %s, want %s", got, want)
	}
}
