// Package corpus measures zdplan against an external corpus of schema pairs
// (by default the sqldef suites under shared/corpus, one part per dialect):
// for every case it plans current.sql -> desired.sql, applies the phase
// files to a real database (PostgreSQL or MariaDB) loaded with current.sql,
// and checks that the result has the same catalog as a database loaded with
// desired.sql.
//
// Every case ends in exactly one Category. Rejected and unsupported cases
// are explicit refusals, which are acceptable; failed, wrong and wrong-noop
// cases are silent wrong plans, which are bugs.
package corpus

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/internal/snapdiff"
	"github.com/zdplan/zdplan/report"
)

// DefaultDir is where the corpus sits relative to the directory that holds
// both the repository and shared/ (so /work/shared/... next to /work/main);
// FindDir looks for it. It holds one directory of cases per dialect,
// postgres/ and mysql/.
const DefaultDir = "shared/corpus/sqldef"

// CaseTimeout bounds one RunCase call. The corpus cases are tiny, so a
// case that takes this long is stuck (for example waiting for a lock), not
// slow.
var CaseTimeout = 60 * time.Second

// Case is one corpus directory: a current.sql/desired.sql pair and what
// meta.json says about it.
type Case struct {
	// Name is the directory name, which is the upstream test name.
	Name string
	// Dir is the directory holding current.sql, desired.sql and meta.json.
	Dir string
	// Category is the upstream topic (tables, constraints, views, ...).
	Category string
	// UpstreamPath names the upstream file and test, for reference.
	UpstreamPath string
	// AppliesCurrent and AppliesDesired say whether each file applied to a
	// fresh database when the corpus was built, and AppliesServer which
	// server that was (PostgreSQL 15, MariaDB 10.11).
	AppliesCurrent, AppliesDesired bool
	AppliesServer                  string
	// PeerOptions are the upstream test's remaining options (min_version,
	// enable_drop, managed_roles, ...), kept as raw JSON for reporting.
	PeerOptions map[string]json.RawMessage
}

// CurrentPath is the case's current.sql.
func (c Case) CurrentPath() string { return filepath.Join(c.Dir, "current.sql") }

// DesiredPath is the case's desired.sql.
func (c Case) DesiredPath() string { return filepath.Join(c.Dir, "desired.sql") }

type meta struct {
	Category     string                     `json:"category"`
	UpstreamPath string                     `json:"upstream_path"`
	PeerOptions  map[string]json.RawMessage `json:"peer_options"`
	Applies      struct {
		Current bool   `json:"current"`
		Desired bool   `json:"desired"`
		Server  string `json:"server"`
	} `json:"applies"`
}

// Load reads every case directory under dir (a directory with a meta.json)
// and returns the cases sorted by name.
func Load(dir string) ([]Case, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var cases []Case
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		cdir := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(filepath.Join(cdir, "meta.json"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		var m meta
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Join(cdir, "meta.json"), err)
		}
		cases = append(cases, Case{
			Name: e.Name(), Dir: cdir, Category: m.Category, UpstreamPath: m.UpstreamPath,
			AppliesCurrent: m.Applies.Current, AppliesDesired: m.Applies.Desired, AppliesServer: m.Applies.Server,
			PeerOptions: m.PeerOptions,
		})
	}
	sort.Slice(cases, func(i, j int) bool { return cases[i].Name < cases[j].Name })
	return cases, nil
}

// FindDir locates the corpus (the directory holding postgres/ and mysql/)
// from a directory inside the repository, such as a test's working
// directory: ZDPLAN_CORPUS_DIR if set, else the first DefaultDir found
// walking up from start. It returns "" when there is none. The cases of
// one dialect are in filepath.Join(FindDir(start), dialect).
func FindDir(start string) string {
	if v := os.Getenv("ZDPLAN_CORPUS_DIR"); v != "" {
		return v
	}
	dir, err := filepath.Abs(start)
	if err != nil {
		return ""
	}
	for {
		cand := filepath.Join(dir, DefaultDir)
		if st, err := os.Stat(cand); err == nil && st.IsDir() {
			return cand
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// Category classifies the outcome of one case.
type Category string

// The categories, in the order Summary prints them.
const (
	// Converged: the plan applied (twice) and the catalog equals DESIRED's,
	// and DESIRED diffed against itself plans nothing.
	Converged Category = "converged"
	// Rejected: zdplan returned an error (syntax, or a construct it
	// refuses), with a file:line:col diagnostic.
	Rejected Category = "rejected"
	// Unsupported: zdplan reported a finding from a rule that leaves the
	// change out of the plan (ZD001, ZD111, ...), i.e. said explicitly
	// that it cannot plan part of the change.
	Unsupported Category = "unsupported"
	// Skipped: the case cannot be tested here (a file does not apply on
	// this server).
	Skipped Category = "skipped"
	// Failed: a phase file raised an error on the database. A silent bug.
	Failed Category = "failed"
	// Wrong: the plan applied but the catalog differs from DESIRED's. A
	// silent bug.
	Wrong Category = "wrong"
	// WrongNoop: the plan converged, but DESIRED diffed against itself
	// plans steps. A bug.
	WrongNoop Category = "wrong-noop"
	// Error: the runner itself failed (database creation, snapshot,
	// timeout); the case says nothing about zdplan.
	Error Category = "error"
)

// Categories lists every category in display order.
var Categories = []Category{Converged, Rejected, Unsupported, Skipped, Failed, Wrong, WrongNoop, Error}

// Bad reports whether the category is a bug that the corpus test must not
// accept silently: failed, wrong, wrong-noop, or a runner error.
func (c Category) Bad() bool {
	return c == Failed || c == Wrong || c == WrongNoop || c == Error
}

// Outcome is the verdict on one case.
type Outcome struct {
	// Case is the case's name.
	Case string
	// Category is the verdict.
	Category Category
	// Detail explains any verdict but converged: zdplan's error, the
	// ZD001 messages, the failing file and psql's error, or the catalog
	// diff. It may span several lines.
	Detail string
	// Steps is the number of plan steps, when a plan was made.
	Steps int
	// Elapsed is how long the case took.
	Elapsed time.Duration
}

// String renders the outcome as "NAME: category" followed by the detail,
// indented.
func (o Outcome) String() string {
	s := fmt.Sprintf("%s: %s", o.Case, o.Category)
	if o.Detail != "" {
		s += "\n    " + strings.ReplaceAll(strings.TrimRight(o.Detail, "\n"), "\n", "\n    ")
	}
	return s
}

// RunCase plans one case with target's dialect and checks the plan on
// target, writing the phase files under workDir/<case name>. It never
// panics on bad input and always drops the databases it created; a case
// that takes longer than CaseTimeout is reported as Error.
func RunCase(target Target, c Case, workDir string) Outcome {
	start := time.Now()
	ch := make(chan Outcome, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				ch <- Outcome{Category: Error, Detail: fmt.Sprintf("panic: %v", r)}
			}
		}()
		ch <- runCase(target, c, workDir)
	}()
	var o Outcome
	select {
	case o = <-ch:
	case <-time.After(CaseTimeout):
		// The goroutine goes on until its client returns (the target's
		// statement timeout bounds that) and then drops its databases.
		o = Outcome{Category: Error, Detail: fmt.Sprintf("timed out after %s", CaseTimeout)}
	}
	o.Case = c.Name
	o.Elapsed = time.Since(start)
	return o
}

func runCase(target Target, c Case, workDir string) (out Outcome) {
	if !c.AppliesCurrent || !c.AppliesDesired {
		on := c.AppliesServer
		if on == "" {
			on = "the corpus's server"
		}
		return Outcome{Category: Skipped, Detail: "does not apply on " + on}
	}
	current, err := os.ReadFile(c.CurrentPath())
	if err != nil {
		return Outcome{Category: Error, Detail: err.Error()}
	}
	desired, err := os.ReadFile(c.DesiredPath())
	if err != nil {
		return Outcome{Category: Error, Detail: err.Error()}
	}
	// Names relative to the corpus, so that diagnostics say which case
	// they are about without depending on where the corpus lives.
	curIn := pipeline.Input{Name: c.Name + "/current.sql", Src: current}
	desIn := pipeline.Input{Name: c.Name + "/desired.sql", Src: desired}
	opts := pipeline.Options{Dialect: target.Dialect()}

	res, err := pipeline.Run(curIn, desIn, opts)
	if err != nil {
		return Outcome{Category: Rejected, Detail: err.Error()}
	}
	var unsupported []string
	for _, f := range res.Findings {
		if f.Rule != nil && f.Rule.Unplanned {
			unsupported = append(unsupported, findingString(f.Pos.String(), f.Message))
		}
	}
	if len(unsupported) > 0 {
		return Outcome{Category: Unsupported, Detail: strings.Join(unsupported, "\n"), Steps: len(res.Plan.Steps)}
	}
	steps := len(res.Plan.Steps)
	if rm, ok := target.(roleMaker); ok {
		if err := rm.EnsureRoles(caseRoles(c, res)...); err != nil {
			return Outcome{Category: Error, Detail: err.Error(), Steps: steps}
		}
	}

	// Clients name files by their full paths; relative to the corpus and
	// the work directory they are shorter and do not vary between runs.
	trim := strings.NewReplacer(workDir+string(filepath.Separator), "", filepath.Dir(c.Dir)+string(filepath.Separator), "")
	msg := func(err error) string { return trim.Replace(target.Message(err)) }

	dir := filepath.Join(workDir, c.Name)
	files, err := report.WriteFiles(dir, res)
	if err != nil {
		return Outcome{Category: Error, Detail: err.Error(), Steps: steps}
	}

	// B: desired, directly. It goes first so that a case whose desired.sql
	// does not apply here (it relies on the upstream environment) is
	// skipped rather than blamed on the plan.
	b, cleanupB, err := createDB(target)
	if err != nil {
		return Outcome{Category: Error, Detail: err.Error(), Steps: steps}
	}
	defer cleanupB(&out)
	if err := b.ExecFile(c.DesiredPath()); err != nil {
		return Outcome{Category: Skipped, Detail: "desired does not apply on " + target.Server() + ": " + msg(err) + peerNote(c), Steps: steps}
	}
	want, err := b.Snapshot()
	if err != nil {
		return Outcome{Category: Error, Detail: "snapshot of desired: " + msg(err), Steps: steps}
	}

	// A: current, then the plan.
	a, cleanup, err := createDB(target)
	if err != nil {
		return Outcome{Category: Error, Detail: err.Error(), Steps: steps}
	}
	defer cleanup(&out)
	if err := a.ExecFile(c.CurrentPath()); err != nil {
		return Outcome{Category: Skipped, Detail: "current does not apply in written order: " + msg(err) + peerNote(c), Steps: steps}
	}
	for _, f := range files {
		for run := 1; run <= 2; run++ {
			if err := a.ExecFile(f); err != nil {
				return Outcome{Category: Failed, Steps: steps,
					Detail: fmt.Sprintf("%s (run %d): %s%s", filepath.Base(f), run, msg(err), failingStep(target.FailingLine(err), f))}
			}
		}
	}
	got, err := a.Snapshot()
	if err != nil {
		return Outcome{Category: Error, Detail: "snapshot after plan: " + msg(err), Steps: steps}
	}

	noop := noopProblem(desIn, opts)
	if d := snapdiff.Diff(want, got); d != "" {
		detail := headLines(d, 15) + planSummary(res)
		if noop != "" {
			detail += "\nalso: " + noop
		}
		return Outcome{Category: Wrong, Detail: detail, Steps: steps}
	}
	if noop != "" {
		return Outcome{Category: WrongNoop, Detail: noop, Steps: steps}
	}
	return Outcome{Category: Converged, Steps: steps}
}

// createDB makes a scratch database whose statements cannot run forever,
// and returns a cleanup that drops it and records a failed drop in the
// outcome.
func createDB(target Target) (DB, func(*Outcome), error) {
	db, err := target.CreateDB()
	if err != nil {
		return nil, nil, err
	}
	cleanup := func(o *Outcome) {
		if err := db.Drop(); err != nil {
			o.Detail = strings.TrimLeft(o.Detail+"\n"+err.Error(), "\n")
			if o.Category == Converged {
				o.Category = Error
			}
		}
	}
	return db, cleanup, nil
}

// peerNote shows the upstream options, which often explain why a file
// does not apply on a plain server (a role, a search_path, a schema the
// upstream harness creates).
func peerNote(c Case) string {
	if len(c.PeerOptions) == 0 {
		return ""
	}
	keys := make([]string, 0, len(c.PeerOptions))
	for k := range c.PeerOptions {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		v := string(c.PeerOptions[k])
		if len(v) > 60 {
			v = v[:60] + "..."
		}
		parts = append(parts, k+"="+v)
	}
	return "\n(peer_options: " + strings.Join(parts, ", ") + ")"
}

// noopProblem returns "" when src diffed against itself plans nothing,
// and otherwise what it plans.
func noopProblem(src pipeline.Input, opts pipeline.Options) string {
	res, err := pipeline.Run(src, src, opts)
	if err != nil {
		return "desired vs desired: " + err.Error()
	}
	if res.Plan.Empty() {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "desired vs desired plans %d step(s):", len(res.Plan.Steps))
	for _, s := range res.Plan.Steps {
		fmt.Fprintf(&b, "\n  [%s] %s", s.Phase, s.Summary)
	}
	return b.String()
}

func findingString(pos, msg string) string {
	if pos == "" {
		return msg
	}
	return pos + ": " + msg
}

// failingStep quotes the plan step that contains the line the client
// blamed, so that the detail shows the statement and not only the message.
func failingStep(line int, file string) string {
	if line < 1 {
		return ""
	}
	src, rerr := os.ReadFile(file)
	if rerr != nil || line < 1 {
		return ""
	}
	lines := strings.Split(string(src), "\n")
	if line > len(lines) {
		return ""
	}
	// A step is "-- summary", "-- lock: ...", then its SQL up to the next
	// blank line.
	begin := line - 1
	for begin > 0 && strings.TrimSpace(lines[begin-1]) != "" {
		begin--
	}
	end := line - 1
	for end+1 < len(lines) && strings.TrimSpace(lines[end+1]) != "" {
		end++
	}
	step := strings.Join(lines[begin:end+1], "\n")
	return "\nstep:\n" + headLines(step, 12)
}

// planSummary lists the plan's steps, so that a wrong outcome shows what
// zdplan did next to what differs.
func planSummary(res *report.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "plan (%d steps):", len(res.Plan.Steps))
	for i, s := range res.Plan.Steps {
		if i == 12 {
			fmt.Fprintf(&b, "\n  ... %d more", len(res.Plan.Steps)-i)
			break
		}
		fmt.Fprintf(&b, "\n  [%s] %s", s.Phase, s.Summary)
	}
	return b.String()
}

// headLines returns at most n lines of s, ending in a newline, noting how
// many were left out.
func headLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... (%d more lines)", len(lines)-n))
	}
	return strings.Join(lines, "\n") + "\n"
}

// RunAll runs cases on up to parallel workers and returns their outcomes
// in the order of cases. progress, if not nil, is called after each case
// (from one goroutine at a time).
func RunAll(target Target, cases []Case, workDir string, parallel int, progress func(done int, o Outcome)) []Outcome {
	if parallel < 1 {
		parallel = 1
	}
	outs := make([]Outcome, len(cases))
	idx := make(chan int)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
	)
	for range parallel {
		wg.Go(func() {
			for i := range idx {
				o := RunCase(target, cases[i], workDir)
				outs[i] = o
				if progress != nil {
					mu.Lock()
					done++
					progress(done, o)
					mu.Unlock()
				}
			}
		})
	}
	for i := range cases {
		idx <- i
	}
	close(idx)
	wg.Wait()
	return outs
}

// Summary counts outcomes per category.
type Summary struct {
	// Counts maps each category to its number of cases.
	Counts map[Category]int
	// Total is the number of cases counted.
	Total int
}

// Summarize counts outcomes.
func Summarize(outs []Outcome) Summary {
	s := Summary{Counts: map[Category]int{}}
	for _, o := range outs {
		s.Counts[o.Category]++
		s.Total++
	}
	return s
}

// String renders the counts as a table, one category per line in the
// order of Categories, then the total; the same counts always give the
// same text.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-12s %5s %7s\n", "category", "cases", "share")
	for _, c := range Categories {
		n := s.Counts[c]
		share := 0.0
		if s.Total > 0 {
			share = 100 * float64(n) / float64(s.Total)
		}
		fmt.Fprintf(&b, "%-12s %5d %6.1f%%\n", c, n, share)
	}
	fmt.Fprintf(&b, "%-12s %5d\n", "total", s.Total)
	return b.String()
}

// ByTopic renders the outcomes per upstream topic (Case.Category: tables,
// constraints, views, ...), one line each in name order, with a column per
// outcome category that occurs, then the totals; cases are matched to
// outcomes by name.
func ByTopic(cases []Case, outs []Outcome) string {
	topic := map[string]string{}
	for _, c := range cases {
		topic[c.Name] = c.Category
	}
	counts := map[string]map[Category]int{}
	used := map[Category]bool{}
	for _, o := range outs {
		t := topic[o.Case]
		if t == "" {
			t = "(none)"
		}
		if counts[t] == nil {
			counts[t] = map[Category]int{}
		}
		counts[t][o.Category]++
		used[o.Category] = true
	}
	var cols []Category
	for _, c := range Categories {
		if used[c] {
			cols = append(cols, c)
		}
	}
	topics := make([]string, 0, len(counts))
	for t := range counts {
		topics = append(topics, t)
	}
	sort.Strings(topics)
	var b strings.Builder
	fmt.Fprintf(&b, "%-20s", "topic")
	for _, c := range cols {
		fmt.Fprintf(&b, " %11s", c)
	}
	b.WriteString("\n")
	total := map[Category]int{}
	for _, t := range topics {
		fmt.Fprintf(&b, "%-20s", t)
		for _, c := range cols {
			fmt.Fprintf(&b, " %11d", counts[t][c])
			total[c] += counts[t][c]
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "%-20s", "total")
	for _, c := range cols {
		fmt.Fprintf(&b, " %11d", total[c])
	}
	b.WriteString("\n")
	return b.String()
}

// Known is the list of cases with known bugs (known_wrong.txt): case name
// to the reason it is listed.
type Known map[string]string

// KnownWrong is known_wrong.txt as compiled in: the PostgreSQL cases whose
// failed, wrong or wrong-noop outcome is a known, tracked bug.
//
//go:embed known_wrong.txt
var KnownWrong string

// KnownWrongMySQL is known_wrong_mysql.txt as compiled in: the same for the
// MySQL cases.
//
//go:embed known_wrong_mysql.txt
var KnownWrongMySQL string

// KnownFor returns the compiled-in known-bugs list of dialect, and the
// file name it came from.
func KnownFor(dialect string) (Known, string, error) {
	name, text := "known_wrong.txt", KnownWrong
	if dialect == "mysql" {
		name, text = "known_wrong_mysql.txt", KnownWrongMySQL
	}
	k, err := ParseKnown(name, text)
	return k, name, err
}

// LoadKnown reads a known-bugs list from a file; see ParseKnown.
func LoadKnown(path string) (Known, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseKnown(path, string(b))
}

// ParseKnown reads a known-bugs list: one case name per line followed by
// its reason, blank lines and lines starting with # ignored. Every entry
// needs a reason, so that the list documents the bugs it tolerates. name
// is used in error messages.
func ParseKnown(name, text string) (Known, error) {
	known := Known{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Fields(line)[0]
		reason := strings.TrimSpace(line[len(c):])
		if reason == "" {
			return nil, fmt.Errorf("%s:%d: %s has no reason", name, n+1, c)
		}
		if _, dup := known[c]; dup {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", name, n+1, c)
		}
		known[c] = reason
	}
	return known, nil
}

// Report renders the summary table followed by every outcome that did not
// converge, grouped by category in the order of Categories, each with its
// detail and, for a listed case, the reason known lists it.
func Report(outs []Outcome, known Known) string {
	var b strings.Builder
	b.WriteString(Summarize(outs).String())
	for _, cat := range Categories {
		if cat == Converged {
			continue
		}
		first := true
		for _, o := range outs {
			if o.Category != cat {
				continue
			}
			if first {
				fmt.Fprintf(&b, "\n== %s ==\n", cat)
				first = false
			}
			b.WriteString(o.String() + "\n")
			if reason, ok := known[o.Case]; ok {
				fmt.Fprintf(&b, "    (known: %s)\n", reason)
			}
		}
	}
	return b.String()
}

// Check compares outcomes with the known-bugs list and returns the
// problems: a bad outcome (see Category.Bad) for a case not in known, a
// listed case that ran and is no longer bad (so the list must shrink),
// and a listed name that is not a case at all.
func Check(outs []Outcome, all []Case, known Known) []string {
	var problems []string
	for _, o := range outs {
		_, listed := known[o.Case]
		switch {
		case o.Category.Bad() && !listed:
			problems = append(problems, fmt.Sprintf("%s: %s (not in the known-bugs list)", o.Case, o.Category))
		case !o.Category.Bad() && listed:
			problems = append(problems, fmt.Sprintf("%s: listed as a known bug but now %s; remove it from the list", o.Case, o.Category))
		}
	}
	names := map[string]bool{}
	for _, c := range all {
		names[c.Name] = true
	}
	var unknown []string
	for name := range known {
		if !names[name] {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		problems = append(problems, fmt.Sprintf("%s: listed as a known bug but not a corpus case", name))
	}
	return problems
}
