// Package rules is zdplan's catalogue of unsafe schema operations. Each
// rule is one small, documented unit — an ID, a name, a severity, why the
// operation is unsafe and what to do instead — run over the diff, in the
// spirit of golang.org/x/tools/go/analysis. Rules judge; they never change
// the plan.
package rules

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/schema"
	"github.com/zdplan/zdplan/usage"
)

// Severity grades a finding.
type Severity int

// Severities, least severe first.
const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", int(s))
}

// ParseSeverity reads a severity name.
func ParseSeverity(s string) (Severity, error) {
	for _, v := range []Severity{Info, Warning, Error} {
		if v.String() == s {
			return v, nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want info, warning or error)", s)
}

// Rule is one entry of the catalogue.
type Rule struct {
	ID       string
	Name     string
	Severity Severity
	// Summary is one line; Why a paragraph on what goes wrong; Safe the
	// pattern zdplan's plan follows (or the human decision needed).
	Summary string
	Why     string
	Safe    string
	// Unsafe is an example of the operation as a hand-written migration
	// would do it; Planned what zdplan does instead (or the hint to add).
	Unsafe  string
	Planned string
	// SeeAlso names the equivalent checks of other tools, for users who
	// come from them.
	SeeAlso []string
	// Dialects lists the dialects the rule applies to; empty means all.
	Dialects []string
	// Unplanned is set for rules that flag a change the plan leaves out
	// altogether (no step): the database will not end up as DESIRED.
	Unplanned bool
	Run       func(*Pass)
}

// Finding is one rule's verdict on one object.
type Finding struct {
	Rule     *Rule
	Severity Severity
	Object   string
	Message  string
	Pos      schema.Pos
	// Handled is set when the plan already does the safe thing and the
	// finding is only there to explain it.
	Handled bool
	// Suppressed is set by a -- zdplan:ignore comment, with its reason.
	Suppressed     bool
	SuppressReason string
}

// Blocks reports whether the finding fails a build at failOn.
func (f Finding) Blocks(failOn Severity) bool {
	return !f.Handled && !f.Suppressed && f.Severity >= failOn
}

// Pass is what a rule sees and reports to.
type Pass struct {
	Diff *diff.Diff
	// Usage holds where the application and the schema's unmodelled
	// statements mention the objects the diff drops.
	Usage *usage.Index
	// TypeChange is the planner's strategy for type changes that rewrite
	// the table (planner.TypeChangeShadow or planner.TypeChangeInPlace).
	TypeChange string
	// Target is the MySQL server the plan is for ("mysql", "mariadb", or
	// "" for both); see planner.MySQLAlgorithm.
	Target string
	// TableRows holds estimated row counts by table name (schema.Name's
	// String) when CURRENT is a live database; LargeTableRows is the
	// count from which a table counts as large.
	TableRows      map[string]int64
	LargeTableRows int64
	rule           *Rule
	severity       Severity
	findings       *[]Finding
}

// Report records a finding at the rule's (possibly configured) severity.
func (p *Pass) Report(object string, pos schema.Pos, handled bool, format string, args ...any) {
	*p.findings = append(*p.findings, Finding{
		Rule: p.rule, Severity: p.severity, Object: object, Pos: pos, Handled: handled,
		Message: fmt.Sprintf(format, args...),
	})
}

// Config tunes a run of the catalogue.
type Config struct {
	Usage *usage.Index
	// Target is the MySQL server the plan is for (planner.Options.Target).
	Target string
	// Severities overrides rule severities by rule ID or name; the value
	// is a severity name or "off" to disable the rule.
	Severities map[string]string
	// TypeChange is the planner's strategy for type changes; empty means
	// the planner's default.
	TypeChange string
	// TableRows and LargeTableRows: see Pass. LargeTableRows 0 means
	// DefaultLargeTableRows.
	TableRows      map[string]int64
	LargeTableRows int64
}

// DefaultLargeTableRows is the row count from which rule ZD123 calls a
// table large.
const DefaultLargeTableRows = 1_000_000

// Validate checks that every override names a rule and a severity.
func (c Config) Validate() error {
	for k, v := range c.Severities {
		if Lookup(k) == nil {
			return fmt.Errorf("rules: no rule %q", k)
		}
		if v == "off" {
			continue
		}
		if _, err := ParseSeverity(v); err != nil {
			return fmt.Errorf("rules: %s: %w", k, err)
		}
	}
	return nil
}

// Each calls f for every change of type T, in diff order.
func Each[T diff.Change](p *Pass, f func(T)) {
	for _, c := range p.Diff.Changes {
		if t, ok := c.(T); ok {
			f(t)
		}
	}
}

// Lookup returns the rule with the given ID or name.
func Lookup(idOrName string) *Rule {
	for _, r := range Catalogue {
		if r.ID == idOrName || r.Name == idOrName {
			return r
		}
	}
	return nil
}

// Run runs every rule of the catalogue over a diff and returns the
// findings, most severe first, then in file order. The configuration must
// have been validated.
func Run(d *diff.Diff, cfg Config) []Finding {
	var out []Finding
	for _, r := range Catalogue {
		sev := r.Severity
		for _, key := range []string{r.Name, r.ID} {
			if v, ok := cfg.Severities[key]; ok {
				if v == "off" {
					sev = -1
				} else {
					sev, _ = ParseSeverity(v)
				}
			}
		}
		if sev < 0 || (len(r.Dialects) > 0 && !slices.Contains(r.Dialects, d.To.Dialect)) {
			continue
		}
		tc := cmp.Or(cfg.TypeChange, planner.TypeChangeShadow)
		large := cmp.Or(cfg.LargeTableRows, DefaultLargeTableRows)
		r.Run(&Pass{Diff: d, Usage: cfg.Usage, TypeChange: tc, Target: cfg.Target, TableRows: cfg.TableRows, LargeTableRows: large, rule: r, severity: sev, findings: &out})
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(b.Severity, a.Severity),
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule.ID, b.Rule.ID),
			cmp.Compare(a.Object, b.Object),
		)
	})
	return out
}

// Max returns the highest severity among unhandled findings, and whether
// there is any.
func Max(fs []Finding) (Severity, bool) {
	var max Severity
	found := false
	for _, f := range fs {
		if f.Handled || f.Suppressed {
			continue
		}
		if !found || f.Severity > max {
			max, found = f.Severity, true
		}
	}
	return max, found
}
