package planner

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// This file plans the changes of diff/storage.go: a table's storage
// parameters, its REPLICA IDENTITY, and a stored generated column made a
// plain one.
//
// Locks, as PostgreSQL 15 takes them (checked in pg_locks):
//   - ALTER TABLE ... SET / RESET (storage parameters): SHARE UPDATE
//     EXCLUSIVE, which lets reads and writes go on, for every table
//     parameter but user_catalog_table, which takes ACCESS EXCLUSIVE.
//     Catalog only: a new fillfactor applies to pages written from then
//     on, existing pages keep theirs until the table is rewritten.
//   - REPLICA IDENTITY: ACCESS EXCLUSIVE, catalog only (USING INDEX also a
//     SHARE lock on the index).
//   - ALTER COLUMN ... DROP EXPRESSION: ACCESS EXCLUSIVE, catalog only;
//     the column keeps the values it holds.

// storageSteps plans the changes of this file; ok is false for others.
func (p *postgres) storageSteps(c diff.Change) (steps []Step, ok bool) {
	switch c := c.(type) {
	case diff.SetStorageParams:
		return []Step{setStorageParams(c)}, true
	case diff.SetViewStorageParams:
		return []Step{setViewStorageParams(c)}, true
	case diff.SetReplicaIdentity:
		return []Step{p.replicaIdentity(c)}, true
	case diff.DropExpression:
		return dropExpression(c), true
	}
	return nil, false
}

// storageClause is the WITH (...) of CREATE TABLE for t's storage
// parameters, "" when it has none.
func storageClause(t *schema.Table) string {
	if len(t.StorageParams) == 0 {
		return ""
	}
	return " WITH (" + strings.Join(storageParamsSQL(t.StorageParams), ", ") + ")"
}

// simpleParamValue matches storage parameter values that need no quotes:
// numbers and lower-case words (on, off, true, auto).
var simpleParamValue = regexp.MustCompile(`^(?:[a-z_][a-z0-9_]*|-?[0-9]+(?:\.[0-9]*)?(?:e[-+]?[0-9]+)?|-?\.[0-9]+)$`)

// storageParamsSQL renders name=value pairs for SET (...) or WITH (...),
// the value quoted unless it is a number or a lower-case word.
func storageParamsSQL(params []string) []string {
	out := make([]string, 0, len(params))
	for _, s := range params {
		name, val, _ := strings.Cut(s, "=")
		if !simpleParamValue.MatchString(val) {
			val = lit(val)
		}
		out = append(out, qi(name)+"="+val)
	}
	return out
}

// paramChanges returns the parameters of to that from does not have with
// the same value, and the names of those from has and to has not.
func paramChanges(from, to []string) (set, reset []string) {
	names := map[string]bool{}
	had := map[string]bool{}
	for _, s := range from {
		had[schema.StorageParamKey(s)] = true
	}
	for _, s := range to {
		name, _, _ := strings.Cut(s, "=")
		names[name] = true
		if !had[schema.StorageParamKey(s)] {
			set = append(set, s)
		}
	}
	for _, s := range from {
		if name, _, _ := strings.Cut(s, "="); !names[name] {
			reset = append(reset, name)
		}
	}
	return set, reset
}

// alterParamsSQL is ALTER TABLE ... SET (...), RESET (...).
func alterParamsSQL(table schema.Name, ifExists string, set, reset []string) string {
	return alterRelParamsSQL("TABLE", table, ifExists, set, reset)
}

// alterRelParamsSQL is ALTER kind ... SET (...), RESET (...).
func alterRelParamsSQL(kind string, table schema.Name, ifExists string, set, reset []string) string {
	var cmds []string
	if len(set) > 0 {
		cmds = append(cmds, "SET ("+strings.Join(storageParamsSQL(set), ", ")+")")
	}
	if len(reset) > 0 {
		var names []string
		for _, n := range reset {
			names = append(names, qi(n))
		}
		cmds = append(cmds, "RESET ("+strings.Join(names, ", ")+")")
	}
	return fmt.Sprintf("ALTER %s %s%s %s;", kind, ifExists, qn(table), strings.Join(cmds, ", "))
}

// setStorageParams changes a table's storage parameters in expand: they
// tune vacuum, page fill and the planner, never what the application
// reads or writes.
func setStorageParams(c diff.SetStorageParams) Step {
	t := c.Table
	set, reset := paramChanges(c.From.StorageParams, t.StorageParams)
	var what []string
	if len(set) > 0 {
		what = append(what, "set "+strings.Join(set, ", "))
	}
	if len(reset) > 0 {
		what = append(what, "reset "+strings.Join(reset, ", "))
	}
	lock := lockShareUpdateExclusive
	if touches(set, reset, "user_catalog_table") {
		lock = lockAccessExclusiveBrief + " (user_catalog_table)"
	}
	note := "storage parameters, catalog only"
	if touches(set, reset, "fillfactor") {
		note += "; existing pages keep their fill until rewritten"
	}
	s := step(Expand, rankAlterColumn, c, fmt.Sprintf("%s on table %s (%s)", strings.Join(what, "; "), t.Name, note),
		alterParamsSQL(t.Name, "", set, reset), lock)
	rset, rreset := paramChanges(t.StorageParams, c.From.StorageParams)
	s.Reverse = alterParamsSQL(t.Name, "IF EXISTS ", rset, rreset)
	return s
}

// setViewStorageParams changes a materialized view's storage parameters
// in expand, under SHARE UPDATE EXCLUSIVE (catalog only): no repopulation.
func setViewStorageParams(c diff.SetViewStorageParams) Step {
	v := c.View
	set, reset := paramChanges(c.From.StorageParams, v.StorageParams)
	s := step(Expand, rankAlterColumn, c, fmt.Sprintf("change the storage parameters of materialized view %s (catalog only)", v.Name),
		alterRelParamsSQL("MATERIALIZED VIEW", v.Name, "", set, reset), lockShareUpdateExclusive)
	rset, rreset := paramChanges(v.StorageParams, c.From.StorageParams)
	s.Reverse = alterRelParamsSQL("MATERIALIZED VIEW", v.Name, "IF EXISTS ", rset, rreset)
	return s
}

// touches reports whether a parameter named name is set or reset.
func touches(set, reset []string, name string) bool {
	return slices.Contains(reset, name) || slices.ContainsFunc(set, func(s string) bool { return strings.HasPrefix(s, name+"=") })
}

// replicaIdentitySQL is the REPLICA IDENTITY clause for the model's value.
func replicaIdentitySQL(ri string) string {
	switch ri {
	case "":
		return "REPLICA IDENTITY DEFAULT"
	case "FULL", "NOTHING":
		return "REPLICA IDENTITY " + ri
	}
	return "REPLICA IDENTITY USING INDEX " + qi(ri)
}

// replicaIdentity sets a table's replica identity in expand, after the
// indexes of that phase, or in contract when it names an index the plan
// builds there or whose columns become NOT NULL only there (USING INDEX
// needs a unique, non-partial index on NOT NULL columns).
func (p *postgres) replicaIdentity(c diff.SetReplicaIdentity) Step {
	t := c.Table
	ph := Expand
	why := ""
	if c.From != nil && !p.identityIndexReady(c.From, t) {
		ph, why = Contract, ", once its index and NOT NULL columns exist"
	}
	s := step(ph, tighten(ph, rankReplicaIdentity), c, fmt.Sprintf("set %s on %s%s", strings.ToLower(replicaIdentitySQL(t.ReplicaIdentity)), t.Name, why),
		fmt.Sprintf("ALTER TABLE %s %s;", qn(t.Name), replicaIdentitySQL(t.ReplicaIdentity)), lockAccessExclusiveBrief)
	if ph == Expand && c.From != nil {
		s.Reverse = fmt.Sprintf("ALTER TABLE IF EXISTS %s %s;", qn(t.Name), replicaIdentitySQL(c.From.ReplicaIdentity))
	}
	return s
}

// identityIndexReady reports whether the index t's replica identity names
// exists in from, unchanged, on columns that are NOT NULL there: then it
// can be used in expand.
func (p *postgres) identityIndexReady(from, t *schema.Table) bool {
	name := t.ReplicaIdentity
	if name == "" || name == "FULL" || name == "NOTHING" {
		return true
	}
	var cols []string
	switch {
	case from.Constraint(name) != nil:
		oc, nc := from.Constraint(name), t.Constraint(name)
		if nc == nil || !diff.ConstraintEqual("postgres", oc, nc) {
			return false
		}
		cols = oc.Columns
	case p.d.From.Index(from.Name, name) != nil:
		oi, ni := p.d.From.Index(from.Name, name), p.d.To.Index(t.Name, name)
		if ni == nil || !diff.IndexEqual("postgres", oi, ni) {
			return false
		}
		for _, k := range oi.Keys {
			cols = append(cols, k.Column)
		}
	default:
		return false
	}
	for _, n := range cols {
		if col := p.d.From.EffectiveColumn(from, n); col == nil || !col.NotNull {
			return false
		}
	}
	return true
}

// dropExpression makes a stored generated column a plain one in expand,
// in one transaction with a trigger that goes on computing it for rows
// the old version writes (which cannot give it a value: it was
// generated), and drops that trigger in contract. Until then, an insert
// without a value gets the expression's value, and so does an update
// that leaves the column alone but changes what the expression computes
// from (the old version's update of a column it reads); the new
// version's own values, and an update of other columns, keep the
// column's value.
func dropExpression(c diff.DropExpression) []Step {
	t, col := c.Table, c.To
	fn := schema.Name{Schema: t.Name.Schema, Name: syncName("zdplan_gen", t.Name, col.Name)}
	trig := triggerName("zdplan_gen", col.Name)
	expr := c.From.Extra().Generated.SQL
	compute := fmt.Sprintf("SELECT %s INTO NEW.%s FROM (SELECT NEW.*) AS zdplan_row;", expr, qi(col.Name))
	body := fmt.Sprintf(`BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.%[1]s IS NULL THEN
      %[2]s
    END IF;
  ELSIF NEW.%[1]s IS NOT DISTINCT FROM OLD.%[1]s
    AND (SELECT %[3]s FROM (SELECT NEW.*) AS zdplan_row) IS DISTINCT FROM (SELECT %[3]s FROM (SELECT OLD.*) AS zdplan_row) THEN
    %[2]s
  END IF;
  RETURN NEW;
END`, qi(col.Name), compute, expr)
	drop := fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP EXPRESSION IF EXISTS;", qn(t.Name), qi(col.Name))
	sql := strings.Replace(triggerSQL(t.Name, fn, trig, "BEFORE INSERT OR UPDATE", "", body), "BEGIN;\n", "BEGIN;\n"+drop+"\n", 1)
	s := step(Expand, rankAlterColumn, c, fmt.Sprintf("make %s a plain column (DROP EXPRESSION, catalog only; it keeps its values), with a trigger that computes it for the old version's writes", c.Object()),
		sql, lockAccessExclusiveBrief+" until commit")
	s.Transactional = false
	return []Step{s, step(Contract, rankDropTrigger, c, fmt.Sprintf("drop the trigger that computed %s for the old version", c.Object()),
		dropTriggerSQL(t.Name, fn, trig), lockTriggerCreate)}
}
