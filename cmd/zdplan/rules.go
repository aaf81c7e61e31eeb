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
				return rules.Explain(w, r)
			}
			for _, r := range rules.Catalogue {
				only := ""
				if len(r.Dialects) > 0 {
					only = " (" + strings.Join(r.Dialects, ", ") + " only)"
				}
				fmt.Fprintf(w, "%s  %-38s %-8s %s%s\n", r.ID, r.Name, r.Severity, r.Summary, only)
			}
			return nil
		},
	}
}
