package rules

import "github.com/zdplan/zdplan/diff"

// functionReplaced is ZD127.
var functionReplaced = &Rule{
	ID: "ZD127", Name: "function-replaced", Severity: Warning,
	Summary: "function or procedure changed in place",
	Why: "A function is code the application runs, directly or through defaults, checks and triggers: from " +
		"expand on, the old application version runs the new body too. When the return type or the parameters " +
		"change, CREATE OR REPLACE cannot be used: the function is dropped and created again (zdplan does it in " +
		"one transaction, with the triggers and column defaults that use it taken off and put back), and a " +
		"caller that passes the old arguments fails.",
	Safe: "Keep the old signature working until contract: create the new version under a new name or as an " +
		"overload, move the callers over in the new application version, and drop the old one later.",
	Unsafe:   "CREATE OR REPLACE FUNCTION price_with_tax(p numeric) ... -- the body now rounds differently",
	Planned:  "expand: CREATE OR REPLACE FUNCTION, or drop and create in one transaction with its dependent triggers and defaults",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		Each(p, func(c diff.ReplaceFunction) {
			if c.Recreate {
				p.Report(c.Object(), c.Pos(), false, "%s %s is dropped and created again in expand (its return type or parameters change): callers using the old signature fail, and the old version runs the new body", c.To.Kind, c.Object())
				return
			}
			p.Report(c.Object(), c.Pos(), false, "%s %s is replaced in expand: the old application version runs the new body", c.To.Kind, c.Object())
		})
	},
}
