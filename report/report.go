// Package report renders a plan and its findings for people (text,
// Markdown) and machines (JSON, phase files). Renderers decide nothing:
// everything they print is in the Result they are given.
package report

import (
	"fmt"
	"os"
	"strings"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/rules"
)

// Result is everything one zdplan run produced.
type Result struct {
	Current, Desired string
	// DialectDetected is set when the dialect was guessed, not given.
	DialectDetected bool
	Plan            *planner.Plan
	Findings        []rules.Finding
	Diagnostics     []parser.Diagnostic
	// TableRows are the server's row estimates of the tables the plan
	// reads every row of (backfills, validations, index builds,
	// rewrites), by table name, when CURRENT is a live database.
	TableRows map[string]int64
}

// PhaseFileName is the name of a phase's file in --out-dir: a fixed number
// per phase, so that the files sort in execution order.
func PhaseFileName(ph planner.Phase) string {
	return fmt.Sprintf("%02d_%s.sql", int(ph)+1, ph)
}

// phaseIntro says what may run while a phase runs.
var phaseIntro = map[planner.Phase]string{
	planner.Expand:   "additive changes; the old application version keeps running",
	planner.Backfill: "data copies and validation; old and new application versions may both run",
	planner.Contract: "run only after the old application version is retired",
}

// PhaseSQL renders one phase as a file that runs as it is with
// psql -X -v ON_ERROR_STOP=1 -f (PostgreSQL) or mysql --batch DB < FILE
// (MySQL, MariaDB), outside an explicit transaction, and can be run again.
func PhaseSQL(r *Result, ph planner.Phase) string {
	var b strings.Builder
	fmt.Fprintf(&b, "-- zdplan %s phase: %s\n", ph, phaseIntro[ph])
	fmt.Fprintf(&b, "-- %s -> %s\n", r.Current, r.Desired)
	if r.Plan.Dialect == "mysql" {
		fmt.Fprintf(&b, "-- For %s; run with: mysql --batch DB < FILE\n", mysqlTargetName(r.Plan.Target))
	}
	b.WriteString("-- Every statement is safe to run again.\n\n")
	writePreamble(&b, r)
	for _, s := range r.Plan.PhaseSteps(ph) {
		fmt.Fprintf(&b, "\n-- %s\n-- lock: %s", s.Summary, s.Lock)
		if !s.Transactional && r.Plan.Dialect != "mysql" { // MySQL DDL always commits implicitly
			b.WriteString("; cannot run inside a transaction block")
		}
		b.WriteString("\n" + guardedSQL(s) + "\n")
	}
	return b.String()
}

// guardedSQL is a step's SQL, run only when its guard holds (see
// planner.Step.Guard): psql reads the guard's result into a variable and
// skips the statement when it is false.
func guardedSQL(s planner.Step) string {
	if s.Guard == "" {
		return s.SQL
	}
	return fmt.Sprintf("%s AS zdplan_run \\gset\n\\if :zdplan_run\n%s\n\\endif", s.Guard, s.SQL)
}

// writePreamble writes the session settings every file starts with.
func writePreamble(b *strings.Builder, r *Result) {
	if len(r.Plan.Preamble) > 0 {
		b.WriteString(strings.Join(r.Plan.Preamble, "\n") + "\n")
	} else {
		fmt.Fprintf(b, "SET lock_timeout = %s;\n", quoteSetting(r.Plan.LockTimeout))
	}
	if n := r.Plan.BatchSize; n > 0 {
		if r.Plan.Dialect == "mysql" {
			fmt.Fprintf(b, "SET @zdplan_batch_size = %d;\n", n)
		} else {
			fmt.Fprintf(b, "SET zdplan.batch_size = '%d';\n", n)
		}
	}
}

func mysqlTargetName(target string) string {
	switch target {
	case planner.TargetMySQL:
		return "MySQL 8.0.29+"
	case planner.TargetMariaDB:
		return "MariaDB 10.6+"
	}
	return "MySQL 8.0.29+ and MariaDB 10.6+"
}

func quoteSetting(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// WriteFiles writes one file per phase that has steps into dir (the
// phases layout) and returns their paths.
func WriteFiles(dir string, r *Result) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", dir, err)
	}
	paths, _, err := WriteLayout(dir, r, FileOptions{Layout: LayoutPhases})
	return paths, err
}

// Blocking returns the unhandled findings at or above a severity.
func Blocking(fs []rules.Finding, failOn rules.Severity) []rules.Finding {
	var out []rules.Finding
	for _, f := range fs {
		if f.Blocks(failOn) {
			out = append(out, f)
		}
	}
	return out
}
