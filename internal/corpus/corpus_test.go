package corpus

import (
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/internal/pgtest"
)

// sampleEvery picks the default sample: every sampleEvery-th case in name
// order, which is deterministic and spreads over all upstream topics.
const sampleEvery = 10

// parallelism is how many cases run at once; the work is mostly psql
// processes waiting for the server, so a little more than the CPU count
// keeps both busy. ZDPLAN_CORPUS_PARALLEL overrides it.
func parallelism(t *testing.T) int {
	if v := os.Getenv("ZDPLAN_CORPUS_PARALLEL"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			t.Fatalf("ZDPLAN_CORPUS_PARALLEL=%q: want a positive integer", v)
		}
		return n
	}
	return 4 * runtime.GOMAXPROCS(0)
}

// TestCorpus runs the external corpus (a sample by default, every case
// with ZDPLAN_CORPUS=all) on the test server and fails on any silent wrong
// plan that known_wrong.txt does not list, or on a listed case that has
// been fixed.
func TestCorpus(t *testing.T) {
	dir := FindDir(".")
	if dir == "" {
		t.Skipf("corpus not found (looked for %s above the working directory; set ZDPLAN_CORPUS_DIR)", DefaultDir)
	}
	known, err := ParseKnown("known_wrong.txt", KnownWrong)
	if err != nil {
		t.Fatal(err)
	}
	all, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 100 {
		t.Fatalf("only %d cases under %s", len(all), dir)
	}
	srv := pgtest.Require(t)

	cases := all
	if os.Getenv("ZDPLAN_CORPUS") != "all" {
		cases = nil
		for i, c := range all {
			if i%sampleEvery == 0 {
				cases = append(cases, c)
			}
		}
		t.Logf("running every %dth case (%d of %d); set ZDPLAN_CORPUS=all for all of them", sampleEvery, len(cases), len(all))
	}

	outs := RunAll(srv, cases, t.TempDir(), parallelism(t), nil)
	rep := Report(outs, known)
	t.Logf("corpus %s:\n%s", dir, rep)
	if path := os.Getenv("ZDPLAN_CORPUS_REPORT"); path != "" {
		if err := os.WriteFile(path, []byte(rep), 0o644); err != nil {
			t.Error(err)
		}
	}
	if problems := Check(outs, all, known); len(problems) > 0 {
		t.Errorf("%d corpus problem(s):\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

func TestParseKnown(t *testing.T) {
	k, err := ParseKnown("x", "# comment\n\nA  reason one\nB\treason two # with hash\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(k) != 2 || k["A"] != "reason one" || k["B"] != "reason two # with hash" {
		t.Errorf("got %q", k)
	}
	if _, err := ParseKnown("x", "A\n"); err == nil {
		t.Error("entry without reason accepted")
	}
	if _, err := ParseKnown("x", "A r\nA r\n"); err == nil {
		t.Error("duplicate entry accepted")
	}
	if _, err := ParseKnown("known_wrong.txt", KnownWrong); err != nil {
		t.Error(err)
	}
}

func TestCheck(t *testing.T) {
	all := []Case{{Name: "a"}, {Name: "b"}, {Name: "c"}, {Name: "d"}}
	outs := []Outcome{
		{Case: "a", Category: Wrong},     // not listed: problem
		{Case: "b", Category: Failed},    // listed: fine
		{Case: "c", Category: Converged}, // listed but fixed: problem
		{Case: "d", Category: Rejected},  // fine
	}
	got := Check(outs, all, Known{"b": "bug", "c": "bug", "zz": "bug"})
	want := []string{
		"a: wrong (not in known_wrong.txt)",
		"c: listed in known_wrong.txt but now converged; remove it from the list",
		"zz: listed in known_wrong.txt but not a corpus case",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Check =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSummaryString(t *testing.T) {
	s := Summarize([]Outcome{{Category: Converged}, {Category: Wrong}, {Category: Converged}, {Category: Skipped}})
	want := `category     cases   share
converged        2   50.0%
rejected         0    0.0%
unsupported      0    0.0%
skipped          1   25.0%
failed           0    0.0%
wrong            1   25.0%
wrong-noop       0    0.0%
error            0    0.0%
total            4
`
	if got := s.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLoad(t *testing.T) {
	dir := FindDir(".")
	if dir == "" {
		t.Skip("corpus not found")
	}
	cases, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < len(cases); i++ {
		if cases[i-1].Name >= cases[i].Name {
			t.Fatalf("not sorted: %s before %s", cases[i-1].Name, cases[i].Name)
		}
	}
	for _, c := range cases {
		if _, err := os.Stat(c.CurrentPath()); err != nil {
			t.Error(err)
		}
	}
}
