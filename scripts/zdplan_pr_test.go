// Package scripts holds the repository's shell scripts; this test runs the
// GitHub Action's logic (zdplan-pr.sh) against a temporary git repository
// with a stand-in for the gh CLI.
package scripts

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func run(t *testing.T, dir string, env []string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return string(out), ee.ExitCode()
	}
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out), 0
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o755); err != nil {
		t.Fatal(err)
	}
}

// fakeGH answers "gh api" like GitHub: the comments listing prints the ids
// of the comments in $GH_STATE/comments (one "id body-first-line" per
// line, as --jq would select them), and every call is logged with its
// input to $GH_STATE/log.
const fakeGH = `#!/usr/bin/env bash
set -euo pipefail
input=""
if [[ " $* " == *" --input - "* ]]; then input=$(cat); fi
printf '%s\n%s\n' "$*" "$input" >>"$GH_STATE/log"
case "$*" in
  *"--paginate repos/"*"/comments"*) [ -f "$GH_STATE/comments" ] && cat "$GH_STATE/comments" || true ;;
esac
`

func TestPRScript(t *testing.T) {
	for _, tool := range []string{"git", "jq", "bash"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	tmp := t.TempDir()
	zdplan := filepath.Join(tmp, "bin", "zdplan")
	if out, code := run(t, "..", nil, "go", "build", "-o", zdplan, "./cmd/zdplan"); code != 0 {
		t.Fatalf("go build: %s", out)
	}
	writeFile(t, filepath.Join(tmp, "bin", "gh"), fakeGH)
	state := filepath.Join(tmp, "gh")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}

	repo := filepath.Join(tmp, "repo")
	git := func(args ...string) string {
		t.Helper()
		out, code := run(t, repo, nil, "git", append([]string{"-c", "user.name=zdplan", "-c", "user.email=zdplan@example.com"}, args...)...)
		if code != 0 {
			t.Fatalf("git %v: %s", args, out)
		}
		return strings.TrimSpace(out)
	}
	writeFile(t, filepath.Join(repo, "db", "schema.sql"), "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text\n);\n")
	writeFile(t, filepath.Join(repo, "db", "untouched.sql"), "CREATE TABLE t (id int);\n")
	git("init", "-q", "-b", "main")
	git("add", ".")
	git("commit", "-q", "-m", "base")
	base := git("rev-parse", "HEAD")
	git("checkout", "-q", "-b", "pr")
	// The pull request: an unsafe change, a new schema file, a file that
	// is not a schema.
	writeFile(t, filepath.Join(repo, "db", "schema.sql"), "CREATE TABLE users (\n  id bigint PRIMARY KEY,\n  email text,\n  name text NOT NULL\n);\n")
	writeFile(t, filepath.Join(repo, "db", "audit.sql"), "CREATE TABLE audit (id bigint PRIMARY KEY);\n")
	writeFile(t, filepath.Join(repo, "README"), "x\n")
	git("add", ".")
	git("commit", "-q", "-m", "change")

	body := filepath.Join(tmp, "comment.md")
	env := []string{
		"PATH=" + filepath.Join(tmp, "bin") + string(os.PathListSeparator) + os.Getenv("PATH"),
		"GH_STATE=" + state, "ZDPLAN=" + zdplan, "ZDPLAN_BASE=" + base, "ZDPLAN_PATHS=db/*.sql",
		"ZDPLAN_BODY=" + body, "ZDPLAN_COMMENT=true", "ZDPLAN_PR=7", "GITHUB_REPOSITORY=acme/shop",
	}
	script, _ := filepath.Abs("zdplan-pr.sh")

	// First push: no comment yet, so one is created.
	out, code := run(t, repo, env, script)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (a blocking finding):\n%s", code, out)
	}
	b, err := os.ReadFile(body)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	if !strings.HasPrefix(text, "<!-- zdplan -->\n") {
		t.Errorf("body does not start with the marker:\n%s", text)
	}
	for _, want := range []string{"db/schema.sql", "ZD101", "db/audit.sql", "create table public.audit"} {
		if !strings.Contains(text, want) {
			t.Errorf("body lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "untouched.sql") || strings.Contains(text, "README") {
		t.Errorf("body covers files the pull request did not change:\n%s", text)
	}
	calls := readLog(t, state)
	if len(calls) != 2 || !strings.HasPrefix(calls[1].args, "api --method POST repos/acme/shop/issues/7/comments") || calls[1].body != text {
		t.Errorf("want a listing, then one POST with the body; got %+v", calls)
	}

	// Next push: the comment exists (a human's comment does not count), so
	// it is updated.
	writeFile(t, filepath.Join(state, "comments"), "4242\n")
	os.Remove(filepath.Join(state, "log"))
	if out, code := run(t, repo, append(env, "ZDPLAN_FAIL_ON=warning"), script); code != 1 {
		t.Fatalf("exit %d, want 1:\n%s", code, out)
	}
	calls = readLog(t, state)
	if len(calls) != 2 || !strings.HasPrefix(calls[1].args, "api --method PATCH repos/acme/shop/issues/comments/4242") {
		t.Errorf("want a listing, then a PATCH of comment 4242; got %+v", calls)
	}
	if !strings.Contains(calls[0].args, `select(.body | startswith("<!-- zdplan -->"))`) {
		t.Errorf("the listing does not look for the marker: %s", calls[0].args)
	}

	// Bad input: the comment says which file and why, exit 2.
	writeFile(t, filepath.Join(repo, "db", "schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY,,);\n")
	git("commit", "-q", "-am", "broken")
	if out, code := run(t, repo, append(env, "ZDPLAN_COMMENT=false"), script); code != 2 {
		t.Fatalf("exit %d, want 2:\n%s", code, out)
	}
	b, _ = os.ReadFile(body)
	if !strings.Contains(string(b), "zdplan could not plan this file") || !strings.Contains(string(b), "db/schema.sql:1:") {
		t.Errorf("body does not explain the syntax error:\n%s", b)
	}

	// A pull request without schema changes: a short body, no new comment.
	git("checkout", "-q", "-b", "docs", base)
	writeFile(t, filepath.Join(repo, "README"), "docs only\n")
	git("add", ".")
	git("commit", "-q", "-m", "docs")
	os.Remove(filepath.Join(state, "comments"))
	os.Remove(filepath.Join(state, "log"))
	if out, code := run(t, repo, env, script); code != 0 {
		t.Fatalf("exit %d, want 0:\n%s", code, out)
	}
	if calls := readLog(t, state); len(calls) != 1 {
		t.Errorf("want only the listing (no comment without schema changes), got %+v", calls)
	}
}

type call struct{ args, body string }

// readLog parses the fake gh's log: the arguments, then the comment body
// sent as JSON input (empty for a listing).
func readLog(t *testing.T, state string) []call {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(state, "log"))
	if err != nil {
		t.Fatal(err)
	}
	var calls []call
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	for i := 0; i+1 < len(lines); i += 2 {
		c := call{args: lines[i]}
		if lines[i+1] != "" {
			var in struct{ Body string }
			if err := json.Unmarshal([]byte(lines[i+1]), &in); err != nil {
				t.Fatalf("gh input is not JSON: %v: %s", err, lines[i+1])
			}
			c.body = in.Body
		}
		calls = append(calls, c)
	}
	return calls
}

// TestActionWiring: every setting the script reads is one the action
// sets, and the action runs the script and builds the command the
// pre-commit hook and the script call.
func TestActionWiring(t *testing.T) {
	action, err := os.ReadFile("../action.yml")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("zdplan-pr.sh")
	if err != nil {
		t.Fatal(err)
	}
	vars := regexp.MustCompile(`\$\{(ZDPLAN[A-Z_]*|GH_TOKEN)`).FindAllStringSubmatch(string(script), -1)
	if len(vars) < 5 {
		t.Fatalf("found only %d settings in the script", len(vars))
	}
	for _, v := range vars {
		if !strings.Contains(string(action), "\n        "+v[1]+": ") {
			t.Errorf("the script reads %s, which action.yml does not set", v[1])
		}
	}
	for _, want := range []string{"using: composite", `"$GITHUB_ACTION_PATH/scripts/zdplan-pr.sh"`, "go build -o \"$RUNNER_TEMP/zdplan\" ./cmd/zdplan", "ZDPLAN: ${{ runner.temp }}/zdplan\n"} {
		if !strings.Contains(string(action), want) {
			t.Errorf("action.yml lacks %q", want)
		}
	}
}
