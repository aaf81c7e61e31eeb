package rules

import (
	"fmt"
	"io"
	"strings"
)

// Explain writes one rule in full, as `zdplan rules ID` prints it.
func Explain(w io.Writer, r *Rule) error {
	var b strings.Builder
	dialects := "all"
	if len(r.Dialects) > 0 {
		dialects = strings.Join(r.Dialects, ", ")
	}
	fmt.Fprintf(&b, "%s %s (%s; dialects: %s)\n\n%s.\n\nWhy: %s\n\nSafe pattern: %s\n", r.ID, r.Name, r.Severity, dialects, capitalize(r.Summary), r.Why, r.Safe)
	if r.Unsafe != "" {
		fmt.Fprintf(&b, "\nUnsafe:  %s\nzdplan:  %s\n", r.Unsafe, r.Planned)
	}
	if len(r.SeeAlso) > 0 {
		fmt.Fprintf(&b, "\nSee also: %s\n", strings.Join(r.SeeAlso, ", "))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Markdown writes the catalogue as docs/rules.md.
func Markdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# zdplan rules\n\n")
	b.WriteString("Generated from the `rules` package (`go test ./rules -update`); `zdplan rules` prints the same text.\n\n")
	b.WriteString("A finding marked *handled* explains what the plan already does; it never fails a build.\n")
	b.WriteString("Unhandled findings at or above `--fail-on` (default `error`) make zdplan exit 1.\n\n")
	b.WriteString("| ID | name | severity | summary |\n|---|---|---|---|\n")
	for _, r := range Catalogue {
		fmt.Fprintf(&b, "| [%s](#%s) | %s | %s | %s |\n", r.ID, strings.ToLower(r.ID), r.Name, r.Severity, r.Summary)
	}
	for _, r := range Catalogue {
		dialects := "all"
		if len(r.Dialects) > 0 {
			dialects = strings.Join(r.Dialects, ", ")
		}
		fmt.Fprintf(&b, "\n## %s\n\n**%s** — %s. Severity: %s. Dialects: %s.\n\n", r.ID, r.Name, r.Summary, r.Severity, dialects)
		fmt.Fprintf(&b, "%s\n\n**Safe pattern.** %s\n", r.Why, r.Safe)
		if r.Unplanned {
			b.WriteString("\nThe plan leaves this change out: the finding always blocks until the change is made by hand or undone.\n")
		}
		if r.Unsafe != "" {
			fmt.Fprintf(&b, "\n```sql\n-- unsafe as written\n%s\n-- zdplan: %s\n```\n", r.Unsafe, r.Planned)
		}
		if len(r.SeeAlso) > 0 {
			fmt.Fprintf(&b, "\nEquivalent checks: %s.\n", strings.Join(r.SeeAlso, ", "))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
