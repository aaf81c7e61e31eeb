package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/rules"
)

// Markdown renders the plan as a pull-request comment: a verdict line, the
// findings, and each phase's SQL in a collapsible block.
func Markdown(w io.Writer, r *Result, failOn rules.Severity) error {
	var b strings.Builder
	b.WriteString("## zdplan\n\n")
	blocking := Blocking(r.Findings, failOn)
	switch {
	case len(blocking) > 0:
		fmt.Fprintf(&b, "**%d blocking finding(s)** in `%s` -> `%s`.\n\n", len(blocking), r.Current, r.Desired)
	case r.Plan.Empty():
		b.WriteString("No schema changes.\n\n")
	default:
		fmt.Fprintf(&b, "Zero-downtime plan: %d steps, no blocking finding.\n\n", len(r.Plan.Steps))
	}
	var shown []rules.Finding
	for _, f := range r.Findings {
		if !f.Handled && !f.Suppressed {
			shown = append(shown, f)
		}
	}
	if len(shown) > 0 {
		b.WriteString("| severity | rule | object | message | location |\n|---|---|---|---|---|\n")
		for _, f := range shown {
			fmt.Fprintf(&b, "| %s | %s %s | `%s` | %s | %s |\n", f.Severity, f.Rule.ID, f.Rule.Name, f.Object, mdCell(f.Message), f.Pos)
		}
		b.WriteString("\n")
	}
	for _, ph := range planner.Phases {
		steps := r.Plan.PhaseSteps(ph)
		if len(steps) == 0 {
			continue
		}
		if ph == planner.Contract {
			b.WriteString("**Checkpoint:** deploy the new application version, then retire the old one.\n\n")
		}
		fmt.Fprintf(&b, "<details><summary><b>%s</b> (%d steps): %s</summary>\n\n```sql\n%s```\n</details>\n\n", ph, len(steps), phaseIntro[ph], PhaseSQL(r, ph))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
