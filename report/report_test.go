package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/zdplan/zdplan/internal/golden"
	"github.com/zdplan/zdplan/internal/pipeline"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/report"
	"github.com/zdplan/zdplan/rules"
)

// goldenCases are planned and rendered in every format: a breaking change
// in each dialect (all three phases), an expand-only change with reverse
// steps, quoting, and a blocking and a suppressed finding.
var goldenCases = []string{
	"../testdata/postgres/breaking_rename_column_person_surname",
	"../testdata/postgres/column_add_with_fk_and_index",
	"../testdata/postgres/quoting_special_chars",
	"../testdata/mysql/breaking_rename_column_person_surname",
	"../testdata/mysql/index_add",
	"testdata/cases/findings",
	"testdata/cases/expand_mixed",
}

func caseName(dir string) string {
	if strings.HasPrefix(dir, "testdata/") {
		return filepath.Base(dir)
	}
	return filepath.Base(filepath.Dir(dir)) + "_" + filepath.Base(dir)
}

// plan runs a case with stable file names, so that golden files do not
// depend on where the repository is checked out.
func plan(t *testing.T, dir string) *report.Result {
	t.Helper()
	read := func(name string) pipeline.Input {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return pipeline.Input{Name: name, Src: b}
	}
	res, err := pipeline.Run(read("current.sql"), read("desired.sql"), pipeline.Options{})
	if err != nil {
		t.Fatalf("plan %s: %v", dir, err)
	}
	return res
}

var formats = []struct {
	ext    string
	render func(*bytes.Buffer, *report.Result) error
}{
	{"txt", func(b *bytes.Buffer, r *report.Result) error {
		return report.Text(b, r, report.TextOptions{Verbose: true})
	}},
	{"color.txt", func(b *bytes.Buffer, r *report.Result) error {
		return report.Text(b, r, report.TextOptions{Color: true})
	}},
	{"lint.txt", func(b *bytes.Buffer, r *report.Result) error { return report.Lint(b, r, report.TextOptions{}) }},
	{"sql", func(b *bytes.Buffer, r *report.Result) error { return report.SQL(b, r) }},
	{"md", func(b *bytes.Buffer, r *report.Result) error { return report.Markdown(b, r, rules.Error) }},
	{"json", func(b *bytes.Buffer, r *report.Result) error { return report.JSON(b, r) }},
	{"sarif", func(b *bytes.Buffer, r *report.Result) error { return report.SARIF(b, r) }},
}

// TestGolden pins every format of every golden case, and checks that
// rendering is deterministic.
func TestGolden(t *testing.T) {
	for _, dir := range goldenCases {
		name := caseName(dir)
		res := plan(t, dir)
		for _, f := range formats {
			t.Run(name+"."+f.ext, func(t *testing.T) {
				var a, b bytes.Buffer
				if err := f.render(&a, res); err != nil {
					t.Fatal(err)
				}
				if err := f.render(&b, plan(t, dir)); err != nil {
					t.Fatal(err)
				}
				if a.String() != b.String() {
					t.Error("rendering the same input twice gave different output")
				}
				golden.Check(t, filepath.Join("testdata", "golden", name+"."+f.ext), a.String())
			})
		}
		t.Run(name+".layouts", func(t *testing.T) {
			var b strings.Builder
			for _, layout := range report.Layouts {
				files, notes, err := report.LayoutFiles(res, report.FileOptions{Layout: layout, VersionStart: 7, Name: "rollout"})
				if err != nil {
					t.Fatal(err)
				}
				b.WriteString("=== layout " + layout + "\n")
				for _, n := range notes {
					b.WriteString("note: " + n + "\n")
				}
				for _, f := range files {
					// Up files repeat the phase files, which the .sql golden
					// already pins: only their names are shown.
					if strings.HasSuffix(f.Path, ".down.sql") || strings.HasSuffix(f.Path, ".conf") {
						b.WriteString("--- " + f.Path + "\n" + f.Content)
					} else {
						b.WriteString("--- " + f.Path + "\n")
					}
				}
			}
			golden.Check(t, filepath.Join("testdata", "golden", name+".layouts"), b.String())
		})
	}
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// TestColor: colour adds escapes and nothing else; without it there are
// none.
func TestColor(t *testing.T) {
	res := plan(t, "testdata/cases/findings")
	for _, render := range []func(*bytes.Buffer, report.TextOptions) error{
		func(b *bytes.Buffer, o report.TextOptions) error { return report.Text(b, res, o) },
		func(b *bytes.Buffer, o report.TextOptions) error { return report.Lint(b, res, o) },
	} {
		var plain, colored bytes.Buffer
		if err := render(&plain, report.TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if err := render(&colored, report.TextOptions{Color: true}); err != nil {
			t.Fatal(err)
		}
		if ansi.MatchString(plain.String()) {
			t.Errorf("escape codes without colour:\n%q", plain.String())
		}
		if !strings.Contains(colored.String(), "\x1b[1;31merror\x1b[0m") {
			t.Errorf("error severity not red:\n%q", colored.String())
		}
		if got := ansi.ReplaceAllString(colored.String(), ""); got != plain.String() {
			t.Errorf("colour changed the text (-plain +colour):\n%s", cmp.Diff(plain.String(), got))
		}
	}
}

// allCases lists every test case of both dialects.
func allCases(t *testing.T) []string {
	var dirs []string
	for _, root := range []string{"../testdata/postgres", "../testdata/mysql", "testdata/cases"} {
		entries, err := os.ReadDir(root)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				dirs = append(dirs, filepath.Join(root, e.Name()))
			}
		}
	}
	if len(dirs) < 100 {
		t.Fatalf("only %d cases", len(dirs))
	}
	return dirs
}

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(path)
	if err != nil {
		t.Fatalf("compile %s: %v", path, err)
	}
	return s
}

func validate(t *testing.T, s *jsonschema.Schema, doc []byte) error {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	return s.Validate(v)
}

// TestSchemas validates the SARIF output of every case against the SARIF
// 2.1.0 schema, and the JSON output against docs/zdplan-plan.schema.json.
// Each schema must also reject a document that breaks it, so that a
// schema which accepts everything fails the test.
func TestSchemas(t *testing.T) {
	sarif := compileSchema(t, "testdata/sarif-schema-2.1.0-subset.json")
	plan := compileSchema(t, "../docs/zdplan-plan.schema.json")
	results := 0
	for _, dir := range allCases(t) {
		res := planOrSkip(t, dir)
		if res == nil {
			continue
		}
		var s, j bytes.Buffer
		if err := report.SARIF(&s, res); err != nil {
			t.Fatal(err)
		}
		if err := validate(t, sarif, s.Bytes()); err != nil {
			t.Errorf("%s: SARIF output is not valid SARIF 2.1.0: %v", dir, err)
		}
		if err := report.JSON(&j, res); err != nil {
			t.Fatal(err)
		}
		if err := validate(t, plan, j.Bytes()); err != nil {
			t.Errorf("%s: JSON output does not match docs/zdplan-plan.schema.json: %v", dir, err)
		}
		results += strings.Count(s.String(), `"ruleId"`)
	}
	if results == 0 {
		t.Error("no SARIF results in any case: the validation proved nothing about results")
	}
	for _, tc := range []struct {
		schema *jsonschema.Schema
		doc    string
	}{
		{sarif, `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "zdplan"}}, "results": [{"ruleId": "ZD101", "level": "fatal", "message": {"text": "x"}}]}]}`},
		{sarif, `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "zdplan"}}, "results": [{"ruleId": "ZD101"}]}]}`},
		{sarif, `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "zdplan", "rules": [{"id": "ZD101", "helpUri": "not a uri"}]}}}]}`},
		{plan, `{"version": 2, "dialect": "postgres", "dialect_detected": false, "current": "a", "desired": "b", "phases": [], "findings": [], "diagnostics": [], "changes": []}`},
		{plan, `{"version": 1, "dialect": "postgres", "dialect_detected": false, "current": "a", "desired": "b", "phases": [], "findings": [], "diagnostics": []}`},
		{plan, `{"version": 1, "dialect": "postgres", "dialect_detected": false, "current": "a", "desired": "b", "phases": [{"name": "expand", "file": "01_expand.sql", "steps": [{"sql": "x"}]}], "findings": [], "diagnostics": [], "changes": []}`},
	} {
		if err := validate(t, tc.schema, []byte(tc.doc)); err == nil {
			t.Errorf("schema accepts a broken document: %s", tc.doc)
		}
	}
}

// planOrSkip plans a case, or returns nil for a case that is an input
// error on purpose.
func planOrSkip(t *testing.T, dir string) *report.Result {
	t.Helper()
	read := func(name string) pipeline.Input {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return pipeline.Input{Name: name, Src: b}
	}
	res, err := pipeline.Run(read("current.sql"), read("desired.sql"), pipeline.Options{})
	if err != nil {
		t.Logf("%s: %v", dir, err)
		return nil
	}
	return res
}

// TestSARIFContent checks what code scanning relies on: one result per
// unhandled finding, at its file:line:col, with rule metadata, and
// suppressed findings marked as such.
func TestSARIFContent(t *testing.T) {
	res := plan(t, "testdata/cases/findings")
	var b bytes.Buffer
	if err := report.SARIF(&b, res); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID, HelpURI          string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn int }
					}
				}
				Suppressions []struct{ Kind, Justification string }
			}
		}
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, f := range res.Findings {
		if !f.Handled {
			want = append(want, f.Rule.ID+" "+f.Pos.String())
		}
	}
	var got []string
	run := log.Runs[0]
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		got = append(got, r.RuleID+" "+loc.ArtifactLocation.URI+":"+strconv.Itoa(loc.Region.StartLine)+":"+strconv.Itoa(loc.Region.StartColumn))
		if rule := run.Tool.Driver.Rules[r.RuleIndex]; rule.ID != r.RuleID || !strings.HasSuffix(rule.HelpURI, "#"+strings.ToLower(r.RuleID)) {
			t.Errorf("result %s points at rule %+v", r.RuleID, rule)
		}
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("results differ from the unhandled findings (-want +got):\n%s", d)
	}
	suppressed := 0
	for _, r := range run.Results {
		for _, s := range r.Suppressions {
			if s.Kind == "inSource" && s.Justification == "filled by the importer before the deploy" {
				suppressed++
			}
		}
	}
	if suppressed != 1 {
		t.Errorf("want the one zdplan:ignore'd finding as an inSource suppression, got %d", suppressed)
	}
}

// TestLayoutsSameStatements: every layout holds the phase files' text,
// phase by phase, in the order they run; only names differ.
func TestLayoutsSameStatements(t *testing.T) {
	for _, dir := range allCases(t) {
		res := planOrSkip(t, dir)
		if res == nil {
			continue
		}
		var phases []string
		for _, ph := range planner.Phases {
			if len(res.Plan.PhaseSteps(ph)) > 0 {
				phases = append(phases, report.PhaseSQL(res, ph))
			}
		}
		for _, layout := range report.Layouts {
			files, _, err := report.LayoutFiles(res, report.FileOptions{Layout: layout, VersionStart: 41})
			if err != nil {
				t.Fatal(err)
			}
			var ups []string
			for _, f := range files {
				if !strings.HasSuffix(f.Path, ".down.sql") && !strings.HasSuffix(f.Path, ".conf") {
					ups = append(ups, f.Content)
				}
			}
			if d := cmp.Diff(phases, ups); d != "" {
				t.Errorf("%s, layout %s: files differ from the phase files:\n%s", dir, layout, d)
			}
		}
	}
}

// TestLayoutNames checks each layout's file names and numbering.
func TestLayoutNames(t *testing.T) {
	all := plan(t, "../testdata/postgres/breaking_rename_column_person_surname") // expand, backfill, contract
	expandOnly := plan(t, "../testdata/postgres/table_create_referencing_existing")
	for _, tc := range []struct {
		res  *report.Result
		opts report.FileOptions
		want []string
	}{
		{all, report.FileOptions{}, []string{"01_expand.sql", "02_backfill.sql", "03_contract.sql"}},
		{all, report.FileOptions{Layout: report.LayoutPrePost}, []string{"pre/01_expand.sql", "pre/02_backfill.sql", "post/03_contract.sql"}},
		{all, report.FileOptions{Layout: report.LayoutFlyway, VersionStart: 12}, []string{"V12__expand.sql", "V13__backfill.sql", "V13__backfill.sql.conf", "V14__contract.sql"}},
		{all, report.FileOptions{Layout: report.LayoutFlyway, Name: "rename_surname"}, []string{"V1__rename_surname_expand.sql", "V2__rename_surname_backfill.sql", "V2__rename_surname_backfill.sql.conf", "V3__rename_surname_contract.sql"}},
		{all, report.FileOptions{Layout: report.LayoutGolangMigrate, VersionStart: 3}, []string{"000003_expand.up.sql", "000004_backfill.up.sql", "000005_contract.up.sql"}},
		{expandOnly, report.FileOptions{Layout: report.LayoutGolangMigrate, VersionStart: 20240101120000}, []string{"20240101120000_expand.up.sql", "20240101120000_expand.down.sql"}},
		{expandOnly, report.FileOptions{Layout: report.LayoutFlyway}, []string{"V1__expand.sql"}},
		{plan(t, "../testdata/postgres/index_add_btree"), report.FileOptions{Layout: report.LayoutFlyway}, []string{"V1__expand.sql", "V1__expand.sql.conf"}},
	} {
		files, _, err := report.LayoutFiles(tc.res, tc.opts)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range files {
			got = append(got, f.Path)
		}
		if d := cmp.Diff(tc.want, got); d != "" {
			t.Errorf("%+v: names differ (-want +got):\n%s", tc.opts, d)
		}
	}
	for _, bad := range []report.FileOptions{{Layout: "liquibase"}, {VersionStart: -1}, {Name: "a/b"}} {
		if _, _, err := report.LayoutFiles(all, bad); err == nil {
			t.Errorf("%+v: want an error", bad)
		}
	}
}

// TestDownSQL: the down file undoes expand steps last first and names the
// changes it cannot undo; a phase without any reverse has no down file.
func TestDownSQL(t *testing.T) {
	res := plan(t, "../testdata/postgres/column_add_with_fk_and_index")
	down, ok := report.DownSQL(res, planner.Expand)
	if !ok {
		t.Fatal("no down SQL for an expand phase of additions")
	}
	var reverses []string
	for _, s := range res.Plan.PhaseSteps(planner.Expand) {
		if s.Reverse != "" {
			reverses = append(reverses, s.Reverse)
		}
	}
	last := -1
	for i := len(reverses) - 1; i >= 0; i-- {
		at := strings.Index(down, reverses[i])
		if at < 0 || at < last {
			t.Fatalf("reverse %q missing or out of order in:\n%s", reverses[i], down)
		}
		last = at
	}
	breaking := plan(t, "../testdata/postgres/breaking_rename_column_person_surname")
	for _, ph := range planner.Phases {
		if _, ok := report.DownSQL(breaking, ph); ok {
			t.Errorf("%s of a rename has a down file; sync triggers and drops have no obvious reverse", ph)
		}
	}
	mixed := plan(t, "testdata/cases/expand_mixed")
	down, _ = report.DownSQL(mixed, planner.Expand)
	if !strings.Contains(down, "-- Not undone (no obvious reverse): allow NULL in public.notes.body\n") || !strings.Contains(down, `DROP COLUMN IF EXISTS "Title";`) {
		t.Errorf("down file does not undo the new column and name the loosening it leaves:\n%s", down)
	}
}

// TestMarkdown: the comment starts with the marker a bot finds it by,
// says the verdict first, and draws the timeline only for a plan.
func TestMarkdown(t *testing.T) {
	for _, tc := range []struct {
		dir, verdict string
		diagram      bool
	}{
		{"testdata/cases/findings", "❌ **1 blocking finding(s).**", true},
		{"../testdata/postgres/breaking_rename_column_person_surname", "✅ Zero-downtime plan: ", true},
		{"../testdata/postgres/noop_identical", "No schema changes.", false},
	} {
		var b bytes.Buffer
		if err := report.Markdown(&b, plan(t, tc.dir), rules.Error); err != nil {
			t.Fatal(err)
		}
		lines := strings.SplitN(b.String(), "\n", 5)
		if lines[0] != report.MarkdownMarker || !strings.HasPrefix(lines[3], tc.verdict) {
			t.Errorf("%s: want the marker, a title, then %q; got:\n%s", tc.dir, tc.verdict, b.String())
		}
		if got := strings.Contains(b.String(), "```mermaid\nflowchart LR\n"); got != tc.diagram {
			t.Errorf("%s: diagram = %v, want %v", tc.dir, got, tc.diagram)
		}
	}
}
