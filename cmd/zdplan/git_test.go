package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo makes a repository with schema.sql committed.
func gitRepo(t *testing.T, schema string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := t.TempDir()
	write(t, dir, "schema.sql", schema)
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "schema.sql"},
		{"-c", "user.name=zdplan", "-c", "user.email=zdplan@example.com", "commit", "-q", "-m", "schema"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

// TestPreCommit runs the hook's command the way pre-commit does: in the
// repository, with the staged files as arguments, comparing each with its
// version at HEAD.
func TestPreCommit(t *testing.T) {
	const committed = "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text\n);\n"
	dir := gitRepo(t, committed)
	t.Chdir(dir)
	for _, tc := range []struct {
		name    string
		working string // schema.sql in the work tree
		extra   map[string]string
		args    []string
		code    int
		stdout  string
		stderr  string
	}{
		{name: "unchanged", working: committed, args: []string{"schema.sql"}, code: 0, stdout: "no findings"},
		{name: "safe change", working: "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text,\n  name text\n);\n", args: []string{"schema.sql"}, code: 0, stdout: "no findings"},
		{name: "unsafe change", working: "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text,\n  name text NOT NULL\n);\n", args: []string{"schema.sql"}, code: 1,
			stdout: "schema.sql:4:3: error ZD101 [add-not-null-column-without-default]"},
		{name: "drop found in the committed version", working: "CREATE TABLE users (\n  id bigint PRIMARY KEY\n);\n", args: []string{"-v", "schema.sql"}, code: 0,
			stdout: "HEAD:schema.sql:3:3: warning ZD104 [drop-column]"},
		{name: "new file is all new", working: committed, extra: map[string]string{"new.sql": "CREATE TABLE audit (id bigint PRIMARY KEY, at timestamptz NOT NULL);\n"}, args: []string{"new.sql"}, code: 0, stdout: "no findings"},
		{name: "several files, one unsafe", working: "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text,\n  name text NOT NULL\n);\n", extra: map[string]string{"new.sql": "CREATE TABLE audit (id bigint PRIMARY KEY);\n"},
			args: []string{"new.sql", "schema.sql"}, code: 1, stdout: "new.sql: no findings\nschema.sql:4:3: error ZD101"},
		{name: "plan of a new file", working: committed, extra: map[string]string{"new.sql": "CREATE TABLE audit (id bigint PRIMARY KEY);\n"}, args: []string{"plan", "--git-base", "HEAD", "new.sql"}, code: 0, stdout: "create table public.audit"},
		{name: "bad revision", working: committed, args: []string{"--git-base", "no-such-rev", "schema.sql"}, code: 2, stderr: "--git-base no-such-rev"},
		{name: "no files", working: committed, args: []string{}, code: 2, stderr: "--git-base needs at least one FILE"},
		{name: "json takes one file", working: committed, extra: map[string]string{"new.sql": "CREATE TABLE audit (id bigint PRIMARY KEY);\n"}, args: []string{"--format", "json", "schema.sql", "new.sql"}, code: 2, stderr: "one file at a time"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			write(t, dir, "schema.sql", tc.working)
			for name, src := range tc.extra {
				write(t, dir, name, src)
				defer os.Remove(filepath.Join(dir, name))
			}
			args := tc.args
			if len(args) == 0 || args[0] != "plan" {
				args = append([]string{"lint", "--git-base", "HEAD"}, args...)
			}
			var out, errb bytes.Buffer
			code := run(args, nil, &out, &errb)
			if code != tc.code || !strings.Contains(out.String(), tc.stdout) || !strings.Contains(errb.String(), tc.stderr) {
				t.Errorf("zdplan %s: exit %d (want %d)\nstdout (want %q):\n%s\nstderr (want %q):\n%s", strings.Join(args, " "), code, tc.code, tc.stdout, out.String(), tc.stderr, errb.String())
			}
		})
	}
}

// TestPreCommitHookFile: the hook pre-commit installs runs the command
// tested above.
func TestPreCommitHookFile(t *testing.T) {
	b, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"entry: zdplan lint --git-base HEAD\n", "language: golang\n", "id: zdplan-lint\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf(".pre-commit-hooks.yaml lacks %q", want)
		}
	}
}
