package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zdplan/zdplan/rules"
)

func newRulesCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "rules [ID|NAME]",
		Short: "List the rule catalogue, or explain one rule",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			w := cmd.OutOrStdout()
			if len(args) == 1 {
				r := rules.Lookup(args[0])
				if r == nil {
					return usageError(fmt.Errorf("no rule %q; `zdplan rules` lists them", args[0]))
				}
				fmt.Fprintf(w, "%s %s (%s)\n\n%s.\n\nWhy: %s\n\nSafe pattern: %s\n", r.ID, r.Name, r.Severity, capitalize(r.Summary), r.Why, r.Safe)
				return nil
			}
			for _, r := range rules.Catalogue {
				fmt.Fprintf(w, "%s  %-38s %-8s %s\n", r.ID, r.Name, r.Severity, r.Summary)
			}
			return nil
		},
	}
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
