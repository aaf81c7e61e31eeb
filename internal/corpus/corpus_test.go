package corpus

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/internal/mytest"
	"github.com/zdplan/zdplan/internal/pgtest"
)

// sampleEvery picks the default sample of each dialect: every n-th case in
// name order, which is deterministic and spreads over all upstream topics.
// The MySQL part is smaller, so a larger share of it runs.
var sampleEvery = map[string]int{"postgres": 10, "mysql": 5}

// parallelism is how many cases run at once; the work is mostly client
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
// with ZDPLAN_CORPUS=all), each dialect's part on its own server, and fails
// on any silent wrong plan that the dialect's known-bugs list does not
// list, or on a listed case that has been fixed.
func TestCorpus(t *testing.T) {
	root := FindDir(".")
	if root == "" {
		t.Skipf("corpus not found (looked for %s above the working directory; set ZDPLAN_CORPUS_DIR)", DefaultDir)
	}
	for _, dialect := range Dialects {
		t.Run(dialect, func(t *testing.T) {
			t.Parallel()
			corpusTest(t, root, dialect)
		})
	}
}

func corpusTest(t *testing.T, root, dialect string) {
	known, _, err := KnownFor(dialect)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, dialect)
	all, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 100 {
		t.Fatalf("only %d cases under %s", len(all), dir)
	}
	target := requireTarget(t, dialect)

	cases := all
	if os.Getenv("ZDPLAN_CORPUS") != "all" {
		cases = nil
		for i, c := range all {
			if i%sampleEvery[dialect] == 0 {
				cases = append(cases, c)
			}
		}
		t.Logf("running every %dth case (%d of %d); set ZDPLAN_CORPUS=all for all of them", sampleEvery[dialect], len(cases), len(all))
	}

	outs := RunAll(target, cases, t.TempDir(), parallelism(t), nil)
	rep := Report(outs, known)
	t.Logf("corpus %s:\n%s\nper topic:\n%s", dir, rep, ByTopic(cases, outs))
	if path := os.Getenv("ZDPLAN_CORPUS_REPORT"); path != "" {
		path = strings.ReplaceAll(path, "{dialect}", dialect)
		if err := os.WriteFile(path, []byte(rep), 0o644); err != nil {
			t.Error(err)
		}
	}
	if problems := Check(outs, all, known); len(problems) > 0 {
		t.Errorf("%d corpus problem(s):\n%s", len(problems), strings.Join(problems, "\n"))
	}
}

// requireTarget is the dialect's test server, skipping the test when it is
// down unless ZDPLAN_PGREQUIRED / ZDPLAN_MYREQUIRED say it must be there.
func requireTarget(t *testing.T, dialect string) Target {
	switch dialect {
	case "postgres":
		return Postgres(pgtest.Require(t))
	case "mysql":
		return MySQL(mytest.Require(t))
	}
	t.Fatalf("unknown dialect %q", dialect)
	return nil
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
	for _, d := range Dialects {
		if _, name, err := KnownFor(d); err != nil {
			t.Errorf("%s: %v", name, err)
		}
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
		"a: wrong (not in the known-bugs list)",
		"c: listed as a known bug but now converged; remove it from the list",
		"zz: listed as a known bug but not a corpus case",
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

func TestByTopic(t *testing.T) {
	cases := []Case{{Name: "a", Category: "tables"}, {Name: "b", Category: "views"}, {Name: "c", Category: "tables"}}
	outs := []Outcome{{Case: "a", Category: Converged}, {Case: "b", Category: Unsupported}, {Case: "c", Category: Unsupported}}
	want := "topic                  converged unsupported\n" +
		"tables                         1           1\n" +
		"views                          0           1\n" +
		"total                          1           2\n"
	if got := ByTopic(cases, outs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestLoad(t *testing.T) {
	root := FindDir(".")
	if root == "" {
		t.Skip("corpus not found")
	}
	for _, d := range Dialects {
		testLoad(t, filepath.Join(root, d))
	}
}

func testLoad(t *testing.T, dir string) {
	cases, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) == 0 {
		t.Errorf("no cases under %s", dir)
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
