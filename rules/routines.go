package rules

import (
	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/schema"
)

// functionReplaced is ZD127.
var functionReplaced = &Rule{
	ID: "ZD127", Name: "function-replaced", Severity: Warning,
	Summary: "function or procedure changed in place",
	Why: "A function is code the application runs, directly or through defaults, checks and triggers: from " +
		"expand on, the old application version runs the new body too. When the return type or the parameters " +
		"change, CREATE OR REPLACE cannot be used: the function is dropped and created again (zdplan does it in " +
		"one transaction, with the triggers, column defaults and CHECK constraints that use it taken off and put " +
		"back), and a " +
		"caller that passes the old arguments fails.",
	Safe: "Keep the old signature working until contract: create the new version under a new name or as an " +
		"overload, move the callers over in the new application version, and drop the old one later.",
	Unsafe:   "CREATE OR REPLACE FUNCTION price_with_tax(p numeric) ... -- the body now rounds differently",
	Planned:  "expand: CREATE OR REPLACE FUNCTION, or drop and create in one transaction with its dependent triggers, defaults and checks",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		Each(p, func(c diff.ReplaceFunction) {
			if c.Recreate && c.To.Kind == schema.KindAggregate {
				p.Report(c.Object(), c.Pos(), false, "aggregate %s is dropped and created again in expand (its result type or argument names change): a query that calls it meanwhile fails, and callers get the new result type from then on", c.Object())
				return
			}
			if c.Recreate {
				p.Report(c.Object(), c.Pos(), false, "%s %s is dropped and created again in expand (its return type or parameters change): callers using the old signature fail, and the old version runs the new body", c.To.Kind, c.Object())
				return
			}
			p.Report(c.Object(), c.Pos(), false, "%s %s is replaced in expand: the old application version runs the new body", c.To.Kind, c.Object())
		})
	},
}

// triggerStopsFiring is ZD142.
var triggerStopsFiring = &Rule{
	ID: "ZD142", Name: "trigger-stops-firing", Severity: Warning,
	Summary: "trigger disabled, or made to fire in fewer sessions",
	Why: "A trigger does work the application counts on without saying so: an audit row, a denormalised total, " +
		"a timestamp, a check. ALTER TABLE ... DISABLE TRIGGER (or ENABLE REPLICA / ENABLE ALWAYS to ENABLE, which " +
		"changes which sessions fire it, by session_replication_role) stops that work for every row written from " +
		"then on, by either application version; nothing fails, the data just stops being kept. zdplan does it in " +
		"contract, once the old version is retired, but rows the new version writes are not processed either.",
	Safe: "Make sure the new application version no longer needs what the trigger did (or does it itself), and " +
		"drop the trigger once nothing relies on it; backfill what it would have maintained if it is ever enabled again.",
	Unsafe:   "ALTER TABLE orders DISABLE TRIGGER orders_audit;",
	Planned:  "contract: ALTER TABLE ... DISABLE TRIGGER (enabling, which only makes it fire more, is in expand)",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		Each(p, func(c diff.SetTriggerEnabled) {
			if !planner.TriggerFiresLess(c.From, c.Trigger.Enabled) {
				return
			}
			switch c.Trigger.Enabled {
			case schema.TriggerDisabled:
				p.Report(c.Object(), c.Pos(), false, "trigger %s is disabled in contract: rows written from then on are not processed by it", c.Object())
			default:
				p.Report(c.Object(), c.Pos(), false, "trigger %s fires in fewer sessions from contract on (%s): rows written in the others are not processed by it",
					c.Object(), triggerSessions(c.Trigger.Enabled))
			}
		})
	},
}

// triggerSessions says where a trigger in a state fires.
func triggerSessions(enabled string) string {
	switch enabled {
	case schema.TriggerReplica:
		return "only when session_replication_role is replica"
	case schema.TriggerAlways:
		return "in every session"
	}
	return "unless session_replication_role is replica"
}
