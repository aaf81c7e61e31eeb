package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/rules"
)

// MarkdownMarker starts every Markdown report. It is an HTML comment, so
// GitHub does not show it; a bot finds its own pull-request comment by it,
// to update that comment instead of adding one per push.
const MarkdownMarker = "<!-- zdplan -->"

// Markdown renders the plan as a pull-request comment: a verdict line, the
// findings, a diagram of which application versions run against which
// schema in each phase, and each phase's SQL in a collapsible block.
func Markdown(w io.Writer, r *Result, failOn rules.Severity) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n## zdplan: `%s` → `%s`\n\n", MarkdownMarker, mdCode(r.Current), mdCode(r.Desired))
	blocking := Blocking(r.Findings, failOn)
	switch {
	case len(blocking) > 0:
		fmt.Fprintf(&b, "❌ **%d blocking finding(s).** Fix them, or say what the diff cannot know with a hint.\n\n", len(blocking))
	case r.Plan.Empty():
		b.WriteString("No schema changes.\n\n")
	default:
		fmt.Fprintf(&b, "✅ Zero-downtime plan: %s, no blocking finding.\n\n", phaseCounts(r))
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
			fmt.Fprintf(&b, "| %s | [%s](%s#%s) %s | `%s` | %s | %s |\n", f.Severity, f.Rule.ID, RulesDocURI, strings.ToLower(f.Rule.ID), f.Rule.Name, mdCell(mdCode(f.Object)), mdCell(f.Message), mdCell(f.Pos.String()))
		}
		b.WriteString("\n")
	}
	if !r.Plan.Empty() {
		writeTimeline(&b, r)
	}
	for _, ph := range planner.Phases {
		steps := r.Plan.PhaseSteps(ph)
		if len(steps) == 0 {
			continue
		}
		if ph == planner.Contract {
			b.WriteString("> **Checkpoint:** deploy the new application version, then retire the old one. Run contract only after that.\n\n")
		}
		fmt.Fprintf(&b, "<details><summary><b>%s</b> (%s): %s</summary>\n\n```sql\n%s```\n</details>\n\n", ph, plural(len(steps), "step"), phaseIntro[ph], PhaseSQL(r, ph))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// phaseCounts says how many steps each phase has: "3 steps in expand, 1 in
// contract".
func phaseCounts(r *Result) string {
	var parts []string
	for _, ph := range planner.Phases {
		if n := len(r.Plan.PhaseSteps(ph)); n > 0 {
			if len(parts) == 0 {
				parts = append(parts, fmt.Sprintf("%s in %s", plural(n, "step"), ph))
			} else {
				parts = append(parts, fmt.Sprintf("%d in %s", n, ph))
			}
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// writeTimeline draws the rollout as a Mermaid flowchart (GitHub renders
// it): the schema state after each phase and the application versions
// that run against it.
func writeTimeline(b *strings.Builder, r *Result) {
	apps := map[planner.Phase]string{
		planner.Expand:   "app: old",
		planner.Backfill: "app: old (new may start)",
		planner.Contract: "app: new only",
	}
	b.WriteString("```mermaid\nflowchart LR\n")
	b.WriteString("  current[\"CURRENT schema<br/>app: old\"]\n")
	nodes := []string{"current"}
	for _, ph := range planner.Phases {
		n := len(r.Plan.PhaseSteps(ph))
		if n == 0 {
			continue
		}
		if ph == planner.Contract {
			b.WriteString("  deploy{{\"deploy the new app<br/>retire the old one\"}}\n")
			nodes = append(nodes, "deploy")
		}
		fmt.Fprintf(b, "  %s[\"%s: %s<br/>%s\"]\n", ph, ph, plural(n, "step"), apps[ph])
		nodes = append(nodes, ph.String())
	}
	if len(r.Plan.PhaseSteps(planner.Contract)) == 0 {
		b.WriteString("  deploy{{\"deploy the new app<br/>retire the old one\"}}\n")
		nodes = append(nodes, "deploy")
	}
	b.WriteString("  desired[\"DESIRED schema<br/>app: new\"]\n")
	nodes = append(nodes, "desired")
	b.WriteString("  " + strings.Join(nodes, " --> ") + "\n```\n\n")
}

// mdCode keeps a file name from ending an inline code span.
func mdCode(s string) string { return strings.ReplaceAll(s, "`", "'") }

func mdCell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}
