package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// Extensions, functions and triggers. Functions are created in expand
// with the types (rankType), so that the tables whose defaults and checks
// call them can use them, unless they need a table themselves (a row type
// in their signature, an SQL body PostgreSQL checks against the tables
// when it creates the function): those wait for the tables
// (rankLateFunction). Triggers come after both. Drops run in the
// reverse order in contract: triggers first, functions with the types,
// extensions last.

const lockTrigger = "SHARE ROW EXCLUSIVE on the table (brief)"

func (p *postgres) routineSteps(c diff.Change) ([]Step, bool) {
	switch c := c.(type) {
	case diff.CreateExtension:
		s := withReverse(step(Expand, rankExtension, c, "create extension "+c.Extension.Name,
			createExtensionSQL(c.Extension)+commentOn("EXTENSION", qi(c.Extension.Name), c.Extension.Comment), lockNone),
			fmt.Sprintf("DROP EXTENSION IF EXISTS %s;", qi(c.Extension.Name)))
		s.provides = []string{depKey(schema.Ref{Kind: "extension", Name: schema.Name{Name: c.Extension.Name}})}
		return []Step{s}, true
	case diff.AlterExtension:
		var sql []string
		if c.To.Version != "" && c.To.Version != c.From.Version {
			sql = append(sql, fmt.Sprintf("ALTER EXTENSION %s UPDATE TO %s;", qi(c.To.Name), lit(c.To.Version)))
		}
		if c.To.Schema != "" && c.From.Schema != "" && c.To.Schema != c.From.Schema {
			sql = append(sql, fmt.Sprintf("ALTER EXTENSION %s SET SCHEMA %s;", qi(c.To.Name), qi(c.To.Schema)))
		}
		s := step(Expand, rankExtension, c, "update extension "+c.To.Name, strings.Join(sql, "\n"), lockNone)
		return []Step{s}, true
	case diff.DropExtension:
		return []Step{step(Contract, rankDropExtension, c, "drop extension "+c.Extension.Name,
			fmt.Sprintf("DROP EXTENSION IF EXISTS %s;", qi(c.Extension.Name)), lockNone)}, true
	case diff.CreateFunction:
		f := c.Function
		s := withReverse(step(Expand, p.functionRank(f), c, "create "+string(f.Kind)+" "+diff.FunctionObject(f),
			orReplace(f.Definition)+";"+commentOn(diff.FunctionWord(f), functionTarget(f), f.Comment), lockNone),
			dropFunctionSQL(f))
		s.provides, s.needs = functionKeys(f)
		return []Step{s}, true
	case diff.ReplaceFunction:
		if !c.Recreate {
			what := "replace the body of "
			if c.To.Kind == schema.KindAggregate {
				what = "replace "
			}
			s := step(Expand, p.functionRank(c.To), c, what+string(c.To.Kind)+" "+diff.FunctionObject(c.To),
				orReplace(c.To.Definition)+";", lockNone)
			s.provides, s.needs = functionKeys(c.To)
			return []Step{s}, true
		}
		return p.recreateFunction(c), true
	case diff.DropFunction:
		f := c.Function
		s := step(Contract, rankDropType, c, "drop "+string(f.Kind)+" "+diff.FunctionObject(f), dropFunctionSQL(f), lockNone)
		s.provides = []string{dropKey(schema.Ref{Kind: "function", Name: f.Name, Args: f.Args}), dropKey(schema.Ref{Kind: "function", Name: f.Name})}
		// An aggregate goes before its support functions and types.
		for _, r := range f.Deps {
			s.before = append(s.before, dropKey(r))
		}
		return []Step{s}, true
	case diff.CreateTrigger:
		t := c.Trigger
		s := withReverse(step(Expand, rankTrigger, c, "create trigger "+t.Name+" on "+t.Table.String(),
			createTriggerSQL(t, t.Enabled), lockTrigger), dropUserTriggerSQL(t))
		s.needs = []string{depKey(schema.Ref{Kind: "function", Name: t.Function})}
		return []Step{s}, true
	case diff.ReplaceTrigger:
		t := c.To
		// CREATE OR REPLACE TRIGGER makes the trigger fire in origin mode
		// again: it keeps CURRENT's state here, and SetTriggerEnabled
		// moves it to DESIRED's in the phase that belongs in.
		sql := createTriggerSQL(t, c.From.Enabled)
		st := step(Expand, rankTrigger, c, "replace trigger "+t.Name+" on "+t.Table.String(), sql, lockTrigger)
		if t.Constraint || c.From.Constraint {
			// A constraint trigger cannot be replaced in place: drop and
			// create it in one transaction, so that no write slips by.
			st.SQL = "BEGIN;\n" + dropUserTriggerSQL(c.From) + "\n" + sql + "\nCOMMIT;"
			st.Transactional = false
		}
		st.needs = []string{depKey(schema.Ref{Kind: "function", Name: t.Function})}
		return []Step{st}, true
	case diff.DropTrigger:
		t := c.Trigger
		return []Step{step(Contract, rankDropTrigger, c, "drop trigger "+t.Name+" on "+t.Table.String(),
			dropUserTriggerSQL(t), lockTrigger)}, true
	case diff.SetTriggerEnabled:
		t := c.Trigger
		sql := enableTriggerSQL(t, t.Enabled)
		if TriggerFiresLess(c.From, t.Enabled) {
			// The old application version may rely on what the trigger
			// does where it stops firing: it stops once that version is
			// retired.
			return []Step{step(Contract, rankDropTrigger, c, triggerStateSummary(t), sql, lockTrigger)}, true
		}
		// It fires where it did and more: the new application version
		// finds it in place from the start.
		return []Step{withReverse(step(Expand, rankTrigger, c, triggerStateSummary(t), sql, lockTrigger),
			enableTriggerSQL(t, c.From))}, true
	}
	return nil, false
}

// recreateFunction drops a function CREATE OR REPLACE cannot change and
// creates it again in one transaction, with the triggers that execute it,
// the column defaults and the CHECK constraints that call it taken off
// and put back around it: PostgreSQL refuses to drop a function something
// still uses, and nothing may run without it in between. A check comes
// back NOT VALID, which does not read the table under the transaction's
// ACCESS EXCLUSIVE lock, and is validated in backfill (SHARE UPDATE
// EXCLUSIVE: reads and writes go on). What the plan cannot rebuild around
// it (indexes, views, ...) makes the diff report the change as
// unsupported instead.
func (p *postgres) recreateFunction(c diff.ReplaceFunction) []Step {
	f := c.To
	var b strings.Builder
	b.WriteString("BEGIN;\n")
	for _, t := range c.Dependents {
		b.WriteString(dropUserTriggerSQL(t) + "\n")
	}
	defaults := p.defaultsCalling(f)
	for _, d := range defaults {
		fmt.Fprintf(&b, "ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT;\n", qn(d.table), qi(d.col.Name))
	}
	checks := p.checksCalling(c.From)
	for _, k := range checks {
		fmt.Fprintf(&b, "ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s;\n", qn(k.table), qi(k.from.Name))
	}
	b.WriteString(dropFunctionSQL(c.From) + "\n")
	b.WriteString(f.Definition + ";" + commentOn(diff.FunctionWord(f), functionTarget(f), f.Comment) + "\n")
	for _, d := range defaults {
		fmt.Fprintf(&b, "ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s;\n", qn(d.table), qi(d.col.Name), d.col.Default.SQL)
	}
	var validate []Step
	for _, k := range checks {
		if k.to == nil {
			continue // changed or dropped: the constraint's own steps add it as DESIRED has it
		}
		fmt.Fprintf(&b, "ALTER TABLE %s ADD CONSTRAINT %s %s NOT VALID;%s\n", qn(k.table), qi(k.to.Name), constraintSQL(k.to),
			commentOn("CONSTRAINT", qi(k.to.Name)+" ON "+qn(k.table), k.to.Comment))
		if !k.to.NotValid {
			validate = append(validate, step(Backfill, rankValidate, c, fmt.Sprintf("validate CHECK %s, put back after %s %s was created again", k.to.Name, f.Kind, diff.FunctionObject(f)),
				fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s;", qn(k.table), qi(k.to.Name)), lockShareUpdateExclusive))
		}
	}
	for _, t := range c.Dependents {
		// Back in CURRENT's state: a change of state has a step of its own.
		enabled := t.Enabled
		for _, old := range p.d.From.Triggers {
			if old.Table == t.Table && old.Name == t.Name {
				enabled = old.Enabled
			}
		}
		b.WriteString(createTriggerSQL(t, enabled) + "\n")
	}
	b.WriteString("COMMIT;")
	lock := lockNone
	if len(c.Dependents) > 0 || len(defaults) > 0 || len(checks) > 0 {
		lock = "ACCESS EXCLUSIVE on the tables whose triggers, defaults or checks use it (brief, until commit)"
	}
	s := step(Expand, p.functionRank(f), c, "drop and create again "+string(f.Kind)+" "+diff.FunctionObject(f)+" (its return type or parameters change)",
		b.String(), lock)
	s.Transactional = false
	s.provides, s.needs = functionKeys(f)
	return append([]Step{s}, validate...)
}

// checkRef is a CHECK constraint of an existing table that calls a
// function: from is CURRENT's, to DESIRED's when it is unchanged (nil
// when it changes or goes).
type checkRef struct {
	table    schema.Name
	from, to *schema.Constraint
}

// checksCalling finds the CHECK constraints of CURRENT's tables, kept in
// DESIRED, whose expression calls f by name.
func (p *postgres) checksCalling(f *schema.Function) []checkRef {
	var out []checkRef
	for _, t := range p.d.From.Tables {
		to := p.d.To.Table(t.Name)
		if to == nil {
			continue
		}
		for _, k := range t.Constraints {
			if k.Kind != schema.Check || k.Check == nil || !diff.CallsFunction(k.Check.SQL, f.Name) {
				continue
			}
			r := checkRef{table: t.Name, from: k}
			for _, d := range to.Constraints {
				if d.Name == k.Name && d.Equal(k) {
					r.to = d
				}
			}
			out = append(out, r)
		}
	}
	return out
}

type columnRef struct {
	table schema.Name
	col   *schema.Column
}

// defaultsCalling finds the columns of existing tables whose default
// calls f by name.
func (p *postgres) defaultsCalling(f *schema.Function) []columnRef {
	var out []columnRef
	for _, t := range p.d.To.Tables {
		if p.d.From.Table(t.Name) == nil {
			continue
		}
		for _, col := range t.Columns {
			if col.Default != nil && diff.CallsFunction(col.Default.SQL, f.Name) {
				out = append(out, columnRef{t.Name, col})
			}
		}
	}
	return out
}

// functionRank puts a function that needs a table after the tables, and
// an aggregate with them when one of its support functions does.
func (p *postgres) functionRank(f *schema.Function) int {
	for _, r := range f.Deps {
		switch {
		case r.Kind == "table" || r.Kind == "view":
			return rankLateFunction
		case r.Kind == "type" && (p.d.To.Table(r.Name) != nil || p.d.To.View(r.Name) != nil):
			return rankLateFunction
		case r.Kind == "function" && f.Kind == schema.KindAggregate:
			for _, g := range p.d.To.Functions {
				if g.Name == r.Name && g.Kind != schema.KindAggregate && p.functionRank(g) == rankLateFunction {
					return rankLateFunction
				}
			}
		}
	}
	return rankType
}

// functionKeys are the keys a function's create step provides (with and
// without its arguments, as triggers name it without) and needs.
func functionKeys(f *schema.Function) (provides, needs []string) {
	provides = []string{
		depKey(schema.Ref{Kind: "function", Name: f.Name, Args: f.Args}),
		depKey(schema.Ref{Kind: "function", Name: f.Name}),
	}
	for _, r := range f.Deps {
		needs = append(needs, depKey(r))
	}
	return provides, needs
}

func orReplace(def string) string {
	if rest, ok := strings.CutPrefix(def, "CREATE "); ok {
		return "CREATE OR REPLACE " + rest
	}
	return def
}

func createExtensionSQL(e *schema.Extension) string {
	sql := "CREATE EXTENSION IF NOT EXISTS " + qi(e.Name)
	if e.Schema != "" {
		sql += " WITH SCHEMA " + qi(e.Schema)
	}
	if e.Version != "" {
		sql += " VERSION " + lit(e.Version)
	}
	return sql + ";"
}

func functionTarget(f *schema.Function) string {
	return routineTarget(f.Name, f.Args, f.Kind == schema.KindAggregate)
}

// routineTarget is how DROP and COMMENT ON name a routine: by its
// argument types, and an aggregate of no arguments as agg(*), the only
// way its own statements accept.
func routineTarget(n schema.Name, args string, aggregate bool) string {
	if aggregate && args == "" {
		args = "*"
	}
	return fmt.Sprintf("%s(%s)", qn(n), strings.ReplaceAll(args, "VARIADIC ", ""))
}

func dropFunctionSQL(f *schema.Function) string {
	return fmt.Sprintf("DROP %s IF EXISTS %s;", diff.FunctionWord(f), functionTarget(f))
}

// createTriggerSQL creates (or replaces) a trigger and sets it to fire as
// enabled says: CREATE TRIGGER always makes it fire in origin mode.
func createTriggerSQL(t *schema.Trigger, enabled string) string {
	sql := t.Definition + ";"
	if t.Constraint {
		sql = dropUserTriggerSQL(t) + "\n" + sql
	} else {
		sql = strings.Replace(sql, "CREATE TRIGGER", "CREATE OR REPLACE TRIGGER", 1)
	}
	if enabled != schema.TriggerOrigin {
		sql += "\n" + enableTriggerSQL(t, enabled)
	}
	return sql + commentOn("TRIGGER", qi(t.Name)+" ON "+qn(t.Table), t.Comment)
}

// enableTriggerSQL sets when a trigger fires. The statement is re-runnable
// as it is: setting the state a trigger has changes nothing.
func enableTriggerSQL(t *schema.Trigger, enabled string) string {
	return fmt.Sprintf("ALTER TABLE %s %s TRIGGER %s;", qn(t.Table), triggerStateWords(enabled), qi(t.Name))
}

func triggerStateWords(enabled string) string {
	switch enabled {
	case schema.TriggerDisabled:
		return "DISABLE"
	case schema.TriggerReplica:
		return "ENABLE REPLICA"
	case schema.TriggerAlways:
		return "ENABLE ALWAYS"
	}
	return "ENABLE"
}

func triggerStateSummary(t *schema.Trigger) string {
	return strings.ToLower(triggerStateWords(t.Enabled)) + " trigger " + t.Name + " on " + t.Table.String()
}

// TriggerFiresLess reports whether a trigger in state to no longer fires
// in some session where state from fired it: in origin mode (ordinary
// sessions) or in replica mode (session_replication_role = replica, as in
// logical replication's apply workers).
func TriggerFiresLess(from, to string) bool {
	origin := func(s string) bool { return s == schema.TriggerOrigin || s == schema.TriggerAlways }
	replica := func(s string) bool { return s == schema.TriggerReplica || s == schema.TriggerAlways }
	return (origin(from) && !origin(to)) || (replica(from) && !replica(to))
}

func dropUserTriggerSQL(t *schema.Trigger) string {
	return fmt.Sprintf("DROP TRIGGER IF EXISTS %s ON %s;", qi(t.Name), qn(t.Table))
}

// commentOn is a COMMENT statement on its own line, or "" for no comment.
func commentOn(kind, target, comment string) string {
	if comment == "" {
		return ""
	}
	return fmt.Sprintf("\nCOMMENT ON %s %s IS %s;", kind, target, lit(comment))
}

// routineCommentTarget is how COMMENT ON names a function, trigger or
// extension.
func routineCommentTarget(c diff.SetComment) (string, bool) {
	switch c.On {
	case "FUNCTION", "PROCEDURE", "AGGREGATE":
		return routineTarget(c.Name, c.Column, c.On == "AGGREGATE"), true
	case "TRIGGER":
		return qi(c.Column) + " ON " + qn(c.Name), true
	case "EXTENSION":
		return qi(c.Name.Name), true
	}
	return "", false
}
