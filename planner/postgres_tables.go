package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// tableSteps plans the table feature changes of diff/tables.go; ok is
// false for any other change.
func (p *postgres) tableSteps(c diff.Change) (steps []Step, ok bool) {
	switch c := c.(type) {
	case diff.AddIdentity:
		return p.addIdentity(c), true
	case diff.AlterIdentity:
		return p.alterIdentity(c), true
	case diff.DropIdentity:
		return dropIdentity(c), true
	}
	return nil, false
}

// isIdentity is a catalog condition that holds while the column is an
// identity column.
func isIdentity(table schema.Name, col string) string {
	return fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = %s AND attname = %s AND attidentity <> '')",
		regclass(table), lit(col))
}

func generatedWhen(always bool) string {
	if always {
		return "ALWAYS"
	}
	return "BY DEFAULT"
}

// addIdentity turns a column the old version fills itself into an
// identity column. ADD GENERATED needs the column NOT NULL: when it is
// nullable today, that comes in contract (a SetNotNull of the same diff),
// and the identity after it. Otherwise the identity comes in expand as BY
// DEFAULT, which still accepts the old version's explicit values; ALWAYS,
// which would reject them, is set in contract.
//
// A new identity sequence starts at its START WITH, below the values the
// rows already hold: it is moved past them right away, and again once the
// old version, which may have inserted higher values meanwhile, is
// retired.
func (p *postgres) addIdentity(c diff.AddIdentity) []Step {
	t, col := c.Table, c.To
	ph, rank := Expand, rankAlterColumn
	if !c.From.NotNull {
		ph, rank = Contract, tighten(Contract, rankIdentity)
	}
	always := col.Extra().Identity.Always && ph == Contract
	when := generatedWhen(always)
	def := "ADD GENERATED " + when + " AS IDENTITY"
	if opts := identityOptions(t, col); opts != "" {
		def += " (" + opts + ")"
	}
	add := step(ph, rank, c, fmt.Sprintf("make %s an identity column (%s; catalog only)", c.Object(), when),
		doIf("NOT "+isIdentity(t.Name, col.Name), fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s %s", qn(t.Name), qi(col.Name), def)),
		lockAccessExclusiveBrief)
	if ph == Expand {
		add.Reverse = fmt.Sprintf("ALTER TABLE IF EXISTS %s ALTER COLUMN %s DROP IDENTITY IF EXISTS;", qn(t.Name), qi(col.Name))
	}
	steps := []Step{add, step(ph, rank, c, fmt.Sprintf("move the new identity sequence of %s past the values its rows hold", c.Object()),
		identityPastRows(t.Name, col, true), "ACCESS SHARE (reads the column's maximum)")}
	if ph == Expand {
		steps = append(steps, step(Contract, tighten(Contract, rankIdentity), c,
			fmt.Sprintf("move the identity sequence of %s past the values the old version inserted", c.Object()),
			identityPastRows(t.Name, col, false), "ACCESS SHARE (reads the column's maximum)"))
		if col.Extra().Identity.Always {
			steps = append(steps, step(Contract, tighten(Contract, rankIdentity), c,
				fmt.Sprintf("make %s GENERATED ALWAYS (the old version, which wrote it, is retired)", c.Object()),
				fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s SET GENERATED ALWAYS;", qn(t.Name), qi(col.Name)), lockAccessExclusiveBrief))
		}
	}
	return steps
}

// identityPastRows moves an identity column's sequence so that its next
// value lies beyond every value in the column (below, for a descending
// one), and never moves it back. With fresh, only a sequence that has
// handed out no value yet moves: run again in expand, it must not jump
// into the range of ids the old version is writing right then.
func identityPastRows(table schema.Name, col *schema.Column, fresh bool) string {
	seq := col.Extra().Identity.Sequence
	agg, cmp := "max", ">="
	where := ""
	if fresh {
		where = " WHERE NOT is_called"
	}
	if seq.Increment < 0 {
		agg, cmp = "min", "<="
	}
	return fmt.Sprintf("SELECT pg_catalog.setval(%s, x.v) FROM (SELECT %s(%s) AS v FROM %s) AS x WHERE x.v %s (SELECT last_value FROM %s);",
		regclass(seq.Name), agg, qi(col.Name), qn(table), cmp, qn(seq.Name)+where)
}

// identitySequenceOptions are the SET clauses of ALTER COLUMN that give an
// identity sequence its options. The type follows the column's.
func identitySequenceOptions(s *schema.Sequence) string {
	cycle := "SET NO CYCLE"
	if s.Cycle {
		cycle = "SET CYCLE"
	}
	return fmt.Sprintf("SET INCREMENT BY %d SET MINVALUE %d SET MAXVALUE %d SET START WITH %d SET CACHE %d %s",
		s.Increment, s.Min, s.Max, s.Start, s.Cache, cycle)
}

// setIdentityOptions gives an identity sequence new options. PostgreSQL
// refuses bounds that leave the sequence's current position outside
// them; the sequence then restarts at the first value past the column's
// rows (before them, descending) inside the new bounds, so that no value
// is handed out twice.
func setIdentityOptions(table schema.Name, col *schema.Column) string {
	seq := col.Extra().Identity.Sequence
	alter := fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s %s", qn(table), qi(col.Name), identitySequenceOptions(seq))
	restart := fmt.Sprintf("GREATEST(%d, (SELECT max(%s) FROM %s) + %d)", seq.Start, qi(col.Name), qn(table), seq.Increment)
	if seq.Increment < 0 {
		restart = fmt.Sprintf("LEAST(%d, (SELECT min(%s) FROM %s) + %d)", seq.Start, qi(col.Name), qn(table), seq.Increment)
	}
	tag := "$zdplan$"
	for i := 1; strings.Contains(alter, tag); i++ {
		tag = fmt.Sprintf("$zdplan%d$", i)
	}
	return fmt.Sprintf("DO %s\nDECLARE\n  restart bigint;\nBEGIN\n"+
		"  SELECT %s INTO restart FROM %s WHERE last_value < %d OR last_value > %d;\n"+
		"  EXECUTE %s || coalesce(' RESTART WITH ' || restart, '');\nEND\n%s;",
		tag, restart, qn(seq.Name), seq.Min, seq.Max, lit(alter), tag)
}

// alterIdentity changes an identity. Going to ALWAYS rejects the explicit
// values the old version may write, so it waits for contract; the other
// way, and new sequence options, come in expand. A new START WITH applies
// to a later RESTART only: the sequence keeps counting from where it is,
// so no value is handed out twice.
func (p *postgres) alterIdentity(c diff.AlterIdentity) []Step {
	t, from, to := c.Table, c.From.Extra().Identity, c.To.Extra().Identity
	alter := func(clauses string) string {
		return fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s %s;", qn(t.Name), qi(c.To.Name), clauses)
	}
	var steps []Step
	if !from.Sequence.OptionsEqual(to.Sequence) {
		steps = append(steps, step(Expand, rankAlterColumn, c, fmt.Sprintf("change the identity sequence options of %s", c.Object()),
			setIdentityOptions(t.Name, c.To), lockAccessExclusiveBrief))
	}
	switch {
	case from.Always == to.Always:
	case to.Always:
		steps = append(steps, step(Contract, tighten(Contract, rankIdentity), c,
			fmt.Sprintf("make %s GENERATED ALWAYS (the old version, which may write it, is retired)", c.Object()),
			alter("SET GENERATED ALWAYS"), lockAccessExclusiveBrief))
	default:
		steps = append(steps, step(Expand, rankAlterColumn, c, fmt.Sprintf("make %s GENERATED BY DEFAULT (loosening)", c.Object()),
			alter("SET GENERATED BY DEFAULT"), lockAccessExclusiveBrief))
	}
	return steps
}

// dropIdentity removes an identity in contract, once the old version,
// which relies on it for values, is retired. Dropping NOT NULL or setting
// a default is refused on an identity column, so those go in the same
// statement, after DROP IDENTITY.
func dropIdentity(c diff.DropIdentity) []Step {
	t, col := c.Table, c.To
	clauses := []string{fmt.Sprintf("ALTER COLUMN %s DROP IDENTITY IF EXISTS", qi(col.Name))}
	if !col.NotNull {
		clauses = append(clauses, fmt.Sprintf("ALTER COLUMN %s DROP NOT NULL", qi(col.Name)))
	}
	if col.Default != nil {
		clauses = append(clauses, fmt.Sprintf("ALTER COLUMN %s SET DEFAULT %s", qi(col.Name), defaultSQL(col.Default)))
	}
	return []Step{step(Contract, rankDropConstraint, c,
		fmt.Sprintf("drop the identity of %s and its sequence %s (the old version relies on it)", c.Object(), c.From.Extra().Identity.Sequence.Name),
		fmt.Sprintf("ALTER TABLE %s %s;", qn(t.Name), strings.Join(clauses, ",\n  ")), lockAccessExclusiveBrief)}
}

// lockExclusionBuild is the lock ADD CONSTRAINT ... EXCLUDE holds while it
// builds the constraint's index.
const lockExclusionBuild = "ACCESS EXCLUSIVE (for the whole index build: reads and writes wait)"

// addExclusion adds an EXCLUDE constraint to an existing table.
// PostgreSQL has no NOT VALID, CONCURRENTLY or USING INDEX for one: ADD
// CONSTRAINT builds its index holding ACCESS EXCLUSIVE (rule ZD129 says
// so). On columns the old version writes, the constraint could reject its
// writes, so it waits for contract.
func (p *postgres) addExclusion(c diff.AddConstraint) []Step {
	con, t := c.Constraint, c.Table
	ph, why := Expand, "only new columns, which the old version does not write"
	if p.writtenByOldVersion(t.Name, con.Columns) {
		ph, why = Contract, "the old version writes these columns"
	}
	add := fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s %s", qn(t.Name), qi(con.Name), constraintSQL(con))
	s := step(ph, tighten(ph, rankNotValid), c, fmt.Sprintf("add EXCLUDE constraint %s, building its index under a lock (%s)", con.Name, why),
		doIf("NOT "+constraintExists(t.Name, con.Name), add), lockExclusionBuild)
	if ph == Expand {
		s.Reverse = fmt.Sprintf("ALTER TABLE IF EXISTS %s DROP CONSTRAINT IF EXISTS %s;", qn(t.Name), qi(con.Name))
	}
	return []Step{s}
}
