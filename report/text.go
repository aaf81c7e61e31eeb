package report

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/rules"
)

// TextOptions tune the text renderer.
type TextOptions struct {
	// Verbose includes informational diagnostics and handled findings.
	Verbose bool
	// Color marks up phases, the checkpoint and severities with ANSI
	// escapes, for a terminal. The caller decides (--color, NO_COLOR,
	// whether stdout is a terminal).
	Color bool
}

// ANSI styles of the text renderer.
const (
	ansiBold   = "1"
	ansiDim    = "2"
	ansiRed    = "1;31"
	ansiYellow = "1;33"
	ansiCyan   = "1;36"
)

// paint wraps s in an ANSI style when colour is on.
type paint bool

func (p paint) do(style, s string) string {
	if !p {
		return s
	}
	return "\x1b[" + style + "m" + s + "\x1b[0m"
}

func (p paint) severity(s rules.Severity) string {
	switch s {
	case rules.Error:
		return p.do(ansiRed, s.String())
	case rules.Warning:
		return p.do(ansiYellow, s.String())
	}
	return p.do(ansiDim, s.String())
}

// Text renders a plan for a terminal.
func Text(w io.Writer, r *Result, opts TextOptions) error {
	var b strings.Builder
	c := paint(opts.Color)
	fmt.Fprintf(&b, "zdplan: %s -> %s (%s", r.Current, r.Desired, r.Plan.Dialect)
	if r.DialectDetected {
		b.WriteString(", detected")
	}
	if r.Plan.Dialect == "mysql" {
		b.WriteString("; for " + mysqlTargetName(r.Plan.Target))
	}
	b.WriteString(")\n")
	writeTableRows(&b, r.TableRows)
	if r.Plan.Empty() {
		b.WriteString("\nNo changes: the schemas are the same.\n")
	}
	for _, ph := range planner.Phases {
		steps := r.Plan.PhaseSteps(ph)
		if ph == planner.Contract && len(steps) > 0 {
			b.WriteString("\n" + c.do(ansiYellow, "=== checkpoint: deploy the new application version, then retire the old one ===") + "\n")
		}
		if len(steps) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%s, %d steps): %s\n", c.do(ansiCyan, strings.ToUpper(ph.String())), PhaseFileName(ph), len(steps), phaseIntro[ph])
		for i, s := range steps {
			fmt.Fprintf(&b, "\n  %d. %s\n     %s", i+1, c.do(ansiBold, s.Summary), c.do(ansiDim, "lock: "+s.Lock))
			if !s.Transactional && r.Plan.Dialect != "mysql" { // MySQL DDL always commits implicitly
				b.WriteString("; outside a transaction")
			}
			b.WriteString("\n")
			for _, line := range strings.Split(guardedSQL(s), "\n") {
				b.WriteString("     " + line + "\n")
			}
		}
	}
	writeFindings(&b, r.Findings, opts.Verbose, c)
	writeDiagnostics(&b, r.Diagnostics, opts.Verbose)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeTableRows lists the estimated sizes of the tables the plan scans,
// largest first, so that a reader sees at once what will take long.
func writeTableRows(b *strings.Builder, rows map[string]int64) {
	if len(rows) == 0 {
		return
	}
	names := slices.Collect(maps.Keys(rows))
	slices.SortFunc(names, func(x, y string) int { return cmp.Or(cmp.Compare(rows[y], rows[x]), cmp.Compare(x, y)) })
	b.WriteString("\nEstimated rows of the tables the plan reads in full (from the live database):\n")
	for _, n := range names {
		fmt.Fprintf(b, "  %-40s %s\n", n, groupDigits(rows[n]))
	}
}

// groupDigits writes n with thousands separators: 1,234,567.
func groupDigits(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func writeFindings(b *strings.Builder, fs []rules.Finding, verbose bool, c paint) {
	var shown []rules.Finding
	for _, f := range fs {
		if verbose || (!f.Handled && !f.Suppressed) {
			shown = append(shown, f)
		}
	}
	if len(shown) == 0 {
		return
	}
	b.WriteString("\n" + c.do(ansiBold, "Findings:") + "\n")
	for _, f := range shown {
		handled := ""
		switch {
		case f.Suppressed:
			handled = " (ignored: " + f.SuppressReason + ")"
		case f.Handled:
			handled = " (handled by the plan)"
		}
		fmt.Fprintf(b, "  %s: %s %s [%s]: %s%s\n", f.Pos, c.severity(f.Severity), c.do(ansiBold, f.Rule.ID), f.Rule.Name, f.Message, handled)
	}
}

func writeDiagnostics(b *strings.Builder, ds []parser.Diagnostic, verbose bool) {
	var shown []parser.Diagnostic
	for _, d := range ds {
		if verbose || d.Severity > parser.Info {
			shown = append(shown, d)
		}
	}
	if len(shown) == 0 {
		return
	}
	b.WriteString("\nNotes:\n")
	for _, d := range shown {
		fmt.Fprintf(b, "  %s\n", d)
	}
}

// SQL renders every phase as one script, with the checkpoint as a comment.
func SQL(w io.Writer, r *Result) error {
	var parts []string
	for _, ph := range planner.Phases {
		if len(r.Plan.PhaseSteps(ph)) == 0 {
			continue
		}
		if ph == planner.Contract {
			parts = append(parts, "-- === checkpoint: deploy the new application version, then retire the old one ===\n")
		}
		parts = append(parts, PhaseSQL(r, ph))
	}
	_, err := io.WriteString(w, strings.Join(parts, "\n"))
	return err
}

// Lint renders the findings alone, one line each (file:line:col first, as
// editors and CI annotations read them), and "DESIRED: no findings" when
// there are none to show.
func Lint(w io.Writer, r *Result, opts TextOptions) error {
	var b strings.Builder
	c := paint(opts.Color)
	n := 0
	for _, f := range r.Findings {
		if (f.Handled || f.Suppressed) && !opts.Verbose {
			continue
		}
		n++
		fmt.Fprintf(&b, "%s: %s %s [%s]: %s\n", f.Pos, c.severity(f.Severity), c.do(ansiBold, f.Rule.ID), f.Rule.Name, f.Message)
	}
	for _, d := range r.Diagnostics {
		if opts.Verbose || d.Severity > parser.Info {
			fmt.Fprintf(&b, "%s\n", d)
		}
	}
	if n == 0 {
		// Named, so that a run over several files says which are clean.
		fmt.Fprintf(&b, "%s: no findings\n", r.Desired)
	}
	_, err := io.WriteString(w, b.String())
	return err
}
