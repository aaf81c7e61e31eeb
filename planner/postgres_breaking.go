package planner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/diff"
	pgq "github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// This file holds the PostgreSQL strategies for breaking changes: those
// that need both application versions served from one schema for a while.
// Each keeps the old and the new shape in step with triggers from expand
// to contract, copies existing rows in batches in backfill, and drops the
// old shape in contract.

const lockTriggerCreate = "SHARE ROW EXCLUSIVE (brief, to create the trigger)"

// renameTable renames the table and leaves a view under the old name, which
// PostgreSQL can write through (a simple view is auto-updatable), so that
// the old version keeps reading and writing it.
func (p *postgres) renameTable(c diff.RenameTable) []Step {
	from, to := c.From.Name, c.To.Name
	// The view is granted what the table was, in the same transaction:
	// the old version's roles keep reading and writing through it.
	rename := doIfBlock(fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_class WHERE oid = to_regclass(%s) AND relkind IN ('r', 'p'))", lit(qn(from))),
		append([]string{fmt.Sprintf("ALTER TABLE %s RENAME TO %s", qn(from), qi(to.Name)),
			fmt.Sprintf("CREATE VIEW %s AS SELECT * FROM %s", qn(from), qn(to))},
			p.compatViewACL(c)...)...)
	return []Step{
		step(Expand, rankRename, c, fmt.Sprintf("rename table %s to %s, and leave an updatable view %s for the old version", from, to, from),
			rename, lockAccessExclusiveBrief),
		step(Contract, rankDropView, c, fmt.Sprintf("drop view %s, which only the old version used", from),
			fmt.Sprintf("DROP VIEW IF EXISTS %s;", qn(from)), "ACCESS EXCLUSIVE on the view (brief)"),
	}
}

func (p *postgres) renameConstraint(c diff.RenameConstraint) []Step {
	return []Step{step(Expand, rankRename, c, fmt.Sprintf("rename constraint %s of %s to %s", c.From, c.Table.Name, c.To),
		doIf(constraintExists(c.Table.Name, c.From)+" AND NOT "+constraintExists(c.Table.Name, c.To),
			fmt.Sprintf("ALTER TABLE %s RENAME CONSTRAINT %s TO %s", qn(c.Table.Name), qi(c.From), qi(c.To))),
		lockAccessExclusiveBrief)}
}

func (p *postgres) renameIndex(c diff.RenameIndex) []Step {
	return []Step{step(Expand, rankRename, c, fmt.Sprintf("rename index %s to %s", c.From.Name, c.To.Name.Name),
		fmt.Sprintf("ALTER INDEX IF EXISTS %s RENAME TO %s;", qn(c.From.Name), qi(c.To.Name.Name)), lockShareUpdateExclusive)}
}

func (p *postgres) renameSequence(c diff.RenameSequence) []Step {
	return []Step{step(Expand, rankRename, c, fmt.Sprintf("rename sequence %s to %s", c.From.Name, c.To.Name.Name),
		fmt.Sprintf("ALTER SEQUENCE IF EXISTS %s RENAME TO %s;", qn(c.From.Name), qi(c.To.Name.Name)), lockAccessExclusiveBrief)}
}

// doIfBlock is doIf for several statements, run in the block's one
// transaction.
func doIfBlock(cond string, stmts ...string) string {
	return doIf(cond, strings.Join(stmts, ";\n    "))
}

// syncName is a name derived from a table and column for zdplan's own
// objects, within PostgreSQL's 63-byte limit.
func syncName(prefix string, t schema.Name, col string) string {
	name := prefix + "_" + t.Name + "_" + col
	if len(name) > 63 {
		name = fmt.Sprintf("%s_%x", prefix, fnv32(t.String()+"."+col))
	}
	return name
}

// triggerName names a trigger of zdplan's on a table; trigger names are
// per table.
func triggerName(prefix, what string) string {
	name := prefix + "_" + what
	if len(name) > 59 { // room for a "_del" suffix
		name = fmt.Sprintf("%s_%x", prefix, fnv32(what))
	}
	return name
}

// shadowName is the name a column of a new type is added under until the
// swap in contract.
func shadowName(col string) string { return tempName(col, "_zdplan_new") }

// syncColumn is a column of the new shape kept in step with one of the
// old shape while both versions run: a rename, or a type change through a
// shadow column.
type syncColumn struct {
	change diff.Change
	table  *schema.Table // as in DESIRED
	// key is the table's primary key in CURRENT, for batching.
	key []string
	old *schema.Column // the old version's column
	new *schema.Column // the new version's column, as in DESIRED
	// addName is the name the new column is added under; it differs from
	// new.Name for a shadow column.
	addName string
	// disown and own are the sequences owned by the old column in CURRENT
	// and by the new one in DESIRED (a serial column's): the swap must
	// move the ownership, or dropping the old column drops the sequence.
	disown, own []schema.Name
	// viewsDrop and viewsCreate surround the swap of a type change when
	// views read the table (see viewsAround).
	viewsDrop, viewsCreate []string
}

// newSyncColumn keeps column to of DESIRED's table t in step with column
// from of CURRENT's, the new one added as addName.
func (p *postgres) newSyncColumn(c diff.Change, t *schema.Table, from, to *schema.Column, addName string) syncColumn {
	return syncColumn{change: c, table: t, key: p.primaryKey(t.Name), old: from, new: to, addName: addName,
		disown: ownedBy(p.d.From, t.Name, from.Name), own: ownedBy(p.d.To, t.Name, to.Name)}
}

// keepSequences surrounds the statements that drop the old column with
// the moves of sequence ownership to the new one.
func (s syncColumn) keepSequences(drop ...string) []string {
	var out []string
	for _, q := range s.disown {
		out = append(out, fmt.Sprintf("ALTER SEQUENCE %s OWNED BY NONE", qn(q)))
	}
	out = append(out, drop...)
	for _, q := range s.own {
		out = append(out, fmt.Sprintf("ALTER SEQUENCE %s OWNED BY %s.%s", qn(q), qn(s.table.Name), qi(s.new.Name)))
	}
	return out
}

// ownedBy lists the sequences of s owned by column col of table t.
func ownedBy(s *schema.Schema, t schema.Name, col string) []schema.Name {
	var out []schema.Name
	for _, q := range s.SequencesOwnedBy(t, col) {
		out = append(out, q.Name)
	}
	return out
}

// forward is the new column's value computed from a row of the old
// shape, over its columns: the using hint, else a cast. row qualifies
// the old column ("NEW") when there is no using hint, whose expression
// names the columns bare.
func (s syncColumn) forward(row string) string {
	e := qi(s.old.Name)
	if row != "" {
		e = row + "." + e
	}
	if u := s.new.Hint().Using; u != nil {
		e = "(" + u.SQL + ")"
	} else if !s.old.Type.Equal(*s.new.Type) && (s.old.Type.Schema != "" || s.new.Type.Schema != "") && s.new.Type.Name != "text" {
		e += "::text" // no cast between an enum and most types but text
	}
	if !s.old.Type.Equal(*s.new.Type) || s.new.Hint().Using != nil {
		e += "::" + pgq.TypeSQL(*s.new.Type)
	}
	if b := s.new.Hint().Backfill; b != nil {
		e = fmt.Sprintf("coalesce(%s, %s)", e, b.SQL)
	}
	return e
}

// reverse is the old column's value computed from the new one.
func (s syncColumn) reverse(row string) string {
	e := row + "." + qi(s.addName)
	if s.old.Type.Equal(*s.new.Type) {
		return e
	}
	if (s.old.Type.Schema != "" || s.new.Type.Schema != "") && s.old.Type.Name != "text" {
		e += "::text"
	}
	return e + "::" + pgq.TypeSQL(*s.old.Type)
}

// plan turns the sync column into steps in all three phases.
func (s syncColumn) plan(rename bool) []Step {
	t := s.table.Name
	fn := schema.Name{Schema: t.Schema, Name: syncName("zdplan_sync", t, s.new.Name)}
	trig := triggerName("zdplan_sync", s.new.Name)
	oldQ, newQ := qi(s.old.Name), qi(s.addName)
	obj := t.String() + "." + s.new.Name
	typ := pgq.TypeSQL(*s.new.Type)
	if s.new.Extra().Collation != "" {
		typ += " COLLATE " + pgq.QuoteDotted(s.new.Extra().Collation)
	}
	// A using or backfill hint names the row's columns bare: evaluate it over the
	// row as a relation (a query per row written). Otherwise the value
	// is a plain assignment, which costs the old version's writes far
	// less.
	fwd := fmt.Sprintf("fwd := %s;", s.forward("NEW"))
	if s.new.Hint().Using != nil || s.new.Hint().Backfill != nil {
		fwd = fmt.Sprintf("SELECT %s INTO fwd FROM (SELECT NEW.*) AS zdplan_row;", s.forward(""))
	}
	body := fmt.Sprintf(`DECLARE
  fwd %[1]s;
BEGIN
  -- The value the old version's column gives the new one.
  %[2]s
  IF TG_OP = 'INSERT' THEN
    IF NEW.%[4]s IS NULL THEN
      NEW.%[4]s := fwd;                 -- written by the old version
    ELSIF NEW.%[4]s IS DISTINCT FROM fwd THEN
      NEW.%[3]s := %[5]s;   -- written by the new version
    END IF;
  ELSIF NEW.%[3]s IS DISTINCT FROM OLD.%[3]s OR NEW.%[4]s IS NULL THEN
    NEW.%[4]s := fwd;                 -- also a row not backfilled yet
  ELSIF NEW.%[4]s IS DISTINCT FROM OLD.%[4]s AND NEW.%[4]s IS DISTINCT FROM fwd THEN
    NEW.%[3]s := %[5]s;
  END IF;
  RETURN NEW;
END`, typ, fwd, oldQ, newQ, s.reverse("NEW"))
	what := "rename"
	if !rename {
		what = "type change"
	}
	var steps []Step
	steps = append(steps,
		step(Expand, rankColumn, s.change, fmt.Sprintf("add column %s.%s (nullable for now) for the %s of %s", t, s.addName, what, s.old.Name),
			fmt.Sprintf("ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s %s;", qn(t), newQ, typ), lockAccessExclusiveBrief),
		step(Expand, rankSyncTrigger, s.change, fmt.Sprintf("keep %s and %s in step while both versions run", s.old.Name, s.addName),
			triggerSQL(t, fn, trig, "BEFORE INSERT OR UPDATE", notBackfillOf(fn), body), lockTriggerCreate),
		s.backfill(),
		step(Contract, rankDropTrigger, s.change, fmt.Sprintf("drop the sync trigger of %s", obj), dropTriggerSQL(t, fn, trig), lockTriggerCreate),
	)
	if rename {
		steps = append(steps, step(Contract, rankDropColumn, s.change,
			fmt.Sprintf("drop column %s.%s, which only the old version used", t, s.old.Name),
			strings.Join(s.keepSequences(fmt.Sprintf("ALTER TABLE %s DROP COLUMN IF EXISTS %s", qn(t), oldQ)), ";\n")+";",
			lockAccessExclusiveBrief))
	} else {
		swap, lock := fmt.Sprintf("swap %s in for %s: drop the old column, rename the new one", s.addName, obj), lockAccessExclusiveBrief
		if len(s.viewsDrop) > 0 {
			swap += ", with the views reading the table dropped and created again around it"
			lock += "; ACCESS EXCLUSIVE on the views reading the table (until commit)"
		}
		steps = append(steps, step(Contract, rankSwapColumn, s.change, swap,
			doIfBlock(fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = %s AND attname = %s AND NOT attisdropped)", regclass(t), lit(s.addName)),
				slices.Concat(s.viewsDrop, s.keepSequences(
					fmt.Sprintf("ALTER TABLE %s DROP COLUMN IF EXISTS %s", qn(t), oldQ),
					fmt.Sprintf("ALTER TABLE %s RENAME COLUMN %s TO %s", qn(t), newQ, qi(s.new.Name))), s.viewsCreate)...),
			lock))
	}
	if s.new.NotNull {
		// The trigger gives every row the old version writes a value
		// when the old column has one (or a backfill value is given): the
		// check can hold from expand. Otherwise it waits for contract.
		early := s.old.NotNull || s.new.Hint().Backfill != nil
		checkPh, validatePh := Contract, Contract
		if early {
			checkPh, validatePh = Expand, Backfill
		}
		steps = append(steps, notNull(s.change, s.table, s.new.Name, s.addName, checkPh, validatePh)...)
	}
	if s.new.Default != nil {
		steps = append(steps, step(Contract, tighten(Contract, rankAlterColumn), s.change, fmt.Sprintf("set default of %s", obj),
			fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s;", qn(t), qi(s.new.Name), defaultSQL(s.new.Default)), lockAccessExclusiveBrief))
	}
	return steps
}

func (s syncColumn) backfill() Step {
	fwd := s.forward("")
	set := fmt.Sprintf("UPDATE %s SET %s = %s\n      WHERE %s AND %s IS NULL AND %s IS NOT NULL", qn(s.table.Name), qi(s.addName), fwd, rangePlaceholder, qi(s.addName), fwd)
	fn := schema.Name{Schema: s.table.Name.Schema, Name: syncName("zdplan_sync", s.table.Name, s.new.Name)}
	return backfillStep(s.change, s.table.Name, s.key, fmt.Sprintf("copy %s into %s for existing rows", s.old.Name, s.addName), set, fn.String())
}

// triggerSQL creates or replaces a row trigger and its function, in one
// transaction. cond, when not empty, is the trigger's WHEN condition.
func triggerSQL(table, fn schema.Name, trig, events, cond, body string) string {
	tag := dollarTag(body)
	if cond != "" {
		cond = " WHEN (" + cond + ")"
	}
	return fmt.Sprintf(`BEGIN;
CREATE OR REPLACE FUNCTION %s() RETURNS trigger LANGUAGE plpgsql AS %s
%s
%s;
DROP TRIGGER IF EXISTS %s ON %s;
CREATE TRIGGER %s %s ON %s FOR EACH ROW%s EXECUTE FUNCTION %s();
COMMIT;`, qn(fn), tag, body, tag, qi(trig), qn(table), qi(trig), events, qn(table), cond, qn(fn))
}

// backfillSetting is the session setting through which a batched
// backfill tells the sync or fill trigger of the column it fills to leave
// its writes alone (see notBackfillOf).
const backfillSetting = "zdplan.backfill"

// notBackfillOf is the WHEN condition of a sync or fill trigger whose
// function is fn: it leaves out the writes of the backfill of its own
// column, whose session sets backfillSetting to fn's name. The backfill
// writes exactly the value the trigger would compute (the same
// expression, into rows where the column is still NULL), so the trigger
// would change nothing, and running its function for each of millions of
// rows halves the backfill's speed. Every other trigger still fires: the
// rows the backfill writes must get the values of the other columns
// being filled, which their NOT VALID checks already require.
func notBackfillOf(fn schema.Name) string {
	return fmt.Sprintf("pg_catalog.current_setting(%s, true) IS DISTINCT FROM %s", lit(backfillSetting), lit(fn.String()))
}

func dropTriggerSQL(table, fn schema.Name, trig string) string {
	return fmt.Sprintf("DROP TRIGGER IF EXISTS %s ON %s;\nDROP FUNCTION IF EXISTS %s();", qi(trig), qn(table), qn(fn))
}

// dollarTag picks a dollar-quote tag that text does not contain.
func dollarTag(text string) string {
	tag := "$zdplan$"
	for i := 1; strings.Contains(text, tag); i++ {
		tag = fmt.Sprintf("$zdplan%d$", i)
	}
	return tag
}

// rangePlaceholder stands for a batch's row range in a backfill
// statement. It is replaced, not formatted: the statement holds the
// user's expressions, which may contain '%'.
const rangePlaceholder = "{{zdplan_range}}"

// backfillStep runs stmt — a statement with rangePlaceholder for the
// batch's row range — over the table in batches of its primary key (keyset, never
// OFFSET), committing after each, so that locks are short and an
// interrupted run resumes: every statement skips rows already done.
// zdplan.batch_size (default 5000) and zdplan.batch_pause (seconds,
// default 0) tune it, e.g. PGOPTIONS='-c zdplan.batch_size=1000'.
//
// Without a primary key the statement runs once over the whole table
// (rule ZD117 says so).
//
// skip, when not empty, is the sync or fill trigger (its function's
// name) that leaves the batches' writes alone: see notBackfillOf.
func backfillStep(c diff.Change, table schema.Name, key []string, summary, stmt, skip string) Step {
	var sql string
	if len(key) == 0 {
		sql = strings.ReplaceAll(stmt, rangePlaceholder, "true") + ";"
		summary += " (in one statement: the table has no primary key)"
	} else {
		sql = batchedSQL(table, key, "", stmt, skip)
		summary += ", in batches by primary key"
	}
	s := step(Backfill, rankBackfill, c, summary, sql, "ROW EXCLUSIVE; row locks of one batch at a time")
	// COMMIT inside a DO block needs to run outside a transaction block.
	s.Transactional = len(key) == 0
	if len(key) > 0 {
		s.Batch = newBatch("postgres", table, key, "", stmt, skip)
	}
	return s
}

// batchedSQL is the keyset loop. alias qualifies the key columns in the
// range condition when stmt reads the table under an alias; skip is as
// for backfillStep.
func batchedSQL(table schema.Name, key []string, alias, stmt, skip string) string {
	var decl, keys, vars, next, lasts, desc []string
	for i, k := range key {
		v := fmt.Sprintf("zdplan_k%d", i+1)
		nv := fmt.Sprintf("zdplan_n%d", i+1)
		lv := fmt.Sprintf("zdplan_l%d", i+1)
		decl = append(decl, fmt.Sprintf("  %s %s.%s%%TYPE;\n  %s %s.%s%%TYPE;\n  %s %s.%s%%TYPE;", v, qn(table), qi(k), nv, qn(table), qi(k), lv, qn(table), qi(k)))
		keys = append(keys, qualify(alias, k))
		vars = append(vars, v)
		next = append(next, nv)
		lasts = append(lasts, lv)
		desc = append(desc, qi(k)+" DESC")
	}
	plainKeys := slices.Clone(key)
	for i := range plainKeys {
		plainKeys[i] = qi(plainKeys[i])
	}
	rowOf := func(xs []string) string { return "(" + strings.Join(xs, ", ") + ")" }
	rng := fmt.Sprintf("(NOT zdplan_started OR %s > %s) AND %s <= %s", rowOf(keys), rowOf(vars), rowOf(keys), rowOf(next))
	body := strings.ReplaceAll(stmt, rangePlaceholder, rng)
	var skipOn, skipOff string
	if skip != "" {
		on, off := backfillSession(skip)
		skipOn = "  -- The trigger that would write the same values skips this session's\n" +
			"  -- writes until the loop ends.\n  PERFORM " + strings.TrimPrefix(on, "SELECT ") + ";\n"
		skipOff = "  PERFORM " + strings.TrimPrefix(off, "SELECT ") + ";\n"
	}
	const tagPlaceholder = "{{zdplan_tag}}"
	text := fmt.Sprintf(`DO `+tagPlaceholder+`
DECLARE
  zdplan_batch integer := coalesce(nullif(current_setting('zdplan.batch_size', true), '')::integer, 5000);
  zdplan_pause double precision := coalesce(nullif(current_setting('zdplan.batch_pause', true), '')::double precision, 0);
  zdplan_started boolean := false;
%s
BEGIN
%s  -- Rows inserted from here on have their values from the triggers: the
  -- loop ends with the batch that reaches the last key of the rows there
  -- are now, rather than follow the application's inserts.
  SELECT %s INTO %s FROM %s ORDER BY %s LIMIT 1;
  LOOP
    -- Each batch's statements are planned for its own keys: a generic
    -- plan of "NOT zdplan_started OR key > $1", which PostgreSQL may
    -- switch to after five batches, cannot use the key's index and would
    -- read the table from its first row in every batch. The setting ends
    -- with the batch's transaction.
    PERFORM pg_catalog.set_config('plan_cache_mode', 'force_custom_plan', true);
    -- The last key of the next batch.
    SELECT %s INTO %s FROM (
      SELECT %s FROM %s
      WHERE NOT zdplan_started OR %s > %s
      ORDER BY %s LIMIT zdplan_batch) AS zdplan_b
    ORDER BY %s LIMIT 1;
    EXIT WHEN NOT FOUND;
    %s;
    %s := %s;
    zdplan_started := true;
    COMMIT;
    EXIT WHEN %s IS NULL OR %s >= %s;
    PERFORM pg_sleep(zdplan_pause);
  END LOOP;
%sEND
`+tagPlaceholder+`;`,
		strings.Join(decl, "\n"),
		skipOn,
		strings.Join(plainKeys, ", "), strings.Join(lasts, ", "), qn(table), strings.Join(desc, ", "),
		strings.Join(plainKeys, ", "), strings.Join(next, ", "),
		strings.Join(plainKeys, ", "), qn(table), rowOf(plainKeys), rowOf(vars), strings.Join(plainKeys, ", "),
		strings.Join(desc, ", "),
		"\x00body\x00",
		rowOf(vars), rowOf(next),
		lasts[0], rowOf(vars), rowOf(lasts),
		skipOff)
	if len(key) == 1 {
		text = strings.Replace(text, rowOf(vars)+" := "+rowOf(next), vars[0]+" := "+next[0], 1)
	} else {
		// PL/pgSQL assigns one variable at a time.
		var as []string
		for i := range vars {
			as = append(as, vars[i]+" := "+next[i])
		}
		text = strings.Replace(text, rowOf(vars)+" := "+rowOf(next), strings.Join(as, ";\n    "), 1)
	}
	text = strings.Replace(text, "\x00body\x00", body, 1)
	return strings.ReplaceAll(text, tagPlaceholder, dollarTag(text))
}

func qualify(alias, col string) string {
	if alias == "" {
		return qi(col)
	}
	return alias + "." + qi(col)
}

// primaryKey returns the primary key columns of a table of CURRENT.
func (p *postgres) primaryKey(t schema.Name) []string {
	if ot := p.d.From.Table(t); ot != nil {
		if pk := ot.PrimaryKey(); pk != nil {
			return pk.Columns
		}
	}
	return nil
}

func (p *postgres) renameColumn(c diff.RenameColumn) []Step {
	return p.newSyncColumn(c, c.Table, c.From, c.To, c.To.Name).plan(true)
}

// ShadowTypeChange reports whether a type change goes through a shadow
// column rather than ALTER TYPE in place: when it would rewrite the table
// and nothing else depends on the column (an index, a constraint, a view,
// a generated column), which the swap would have to rebuild too — in
// CURRENT, or for an index, in DESIRED: one built in expand would go with
// the old column.
func ShadowTypeChange(d *diff.Diff, t *schema.Table, old, new *schema.Column) bool {
	from := d.From
	if InPlaceTypeChange(old, new) || old.Extra().Identity != nil || old.Extra().Generated != nil || new.Extra().Generated != nil {
		return false
	}
	ot := from.Table(t.Name)
	if ot == nil {
		return false
	}
	mentions := func(e *schema.Expr) bool { return e != nil && strings.Contains(e.Key, old.Name) }
	for _, c := range ot.Constraints {
		if slices.Contains(c.Columns, old.Name) || mentions(c.Check) {
			return false
		}
	}
	for _, c := range ot.Columns {
		if mentions(c.Extra().Generated) {
			return false
		}
	}
	for _, c := range from.ForeignKeysTo(t.Name) {
		if slices.Contains(c.Ref.Columns, old.Name) {
			return false
		}
	}
	for _, i := range slices.Concat(from.IndexesOn(t.Name), d.To.IndexesOn(t.Name)) {
		for _, k := range i.Keys {
			if k.Column == old.Name || mentions(k.Expr) {
				return false
			}
		}
		if slices.Contains(i.Include, old.Name) || mentions(i.Where) {
			return false
		}
	}
	// PostgreSQL's swap drops and recreates the views reading the table
	// (viewsAround); MySQL's does not.
	if d.To.Dialect == "mysql" && len(from.ViewsReading(t.Name)) > 0 {
		return false
	}
	return true
}

func (p *postgres) shadowTypeChange(c diff.AlterColumnType) []Step {
	sc := p.newSyncColumn(c, c.Table, c.From, c.To, shadowName(c.To.Name))
	sc.viewsDrop, sc.viewsCreate = p.viewsAround(c.Table.Name)
	steps := sc.plan(false)
	// The swap drops the old column with its privileges: the shadow gets
	// them in expand.
	steps = append(steps, p.shadowColumnACL(c, shadowName(c.To.Name))...)
	// The swap gives the new column the old one's nullability and
	// default only as DESIRED has them: a NOT NULL or default DESIRED
	// keeps comes back through s.plan; nothing else is needed.
	return steps
}

// backfillColumn fills a column of existing rows with a backfill hint's
// value, for a NOT NULL column added without a default or a column that
// is tightened to NOT NULL: a trigger gives rows the old version writes
// the value from expand on, a batched update gives it to existing rows,
// and NOT NULL holds from a check added in expand.
func (p *postgres) backfillColumn(c diff.Change, t *schema.Table, col *schema.Column, add bool) []Step {
	name := col.Name
	fn := schema.Name{Schema: t.Name.Schema, Name: syncName("zdplan_fill", t.Name, name)}
	trig := triggerName("zdplan_fill", name)
	value := col.Hint().Backfill.SQL
	obj := t.Name.String() + "." + name
	var steps []Step
	if add {
		steps = append(steps, step(Expand, rankColumn, c, fmt.Sprintf("add column %s (nullable until contract)", obj),
			fmt.Sprintf("ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s;", qn(t.Name), columnSQL(t, col, false)), lockAccessExclusiveBrief))
	}
	body := fmt.Sprintf(`BEGIN
  IF NEW.%[1]s IS NULL THEN
    SELECT %[2]s INTO NEW.%[1]s FROM (SELECT NEW.*) AS zdplan_row;
  END IF;
  RETURN NEW;
END`, qi(name), value)
	steps = append(steps,
		step(Expand, rankSyncTrigger, c, fmt.Sprintf("give %s the backfill value in rows written without one", obj),
			triggerSQL(t.Name, fn, trig, "BEFORE INSERT OR UPDATE", notBackfillOf(fn), body), lockTriggerCreate),
		backfillStep(c, t.Name, p.primaryKey(t.Name), fmt.Sprintf("give existing rows of %s the backfill value", obj),
			fmt.Sprintf("UPDATE %s SET %s = %s\n      WHERE %s AND %s IS NULL", qn(t.Name), qi(name), value, rangePlaceholder, qi(name)), fn.String()),
		step(Contract, rankDropTrigger, c, fmt.Sprintf("drop the backfill trigger of %s", obj), dropTriggerSQL(t.Name, fn, trig), lockTriggerCreate),
	)
	steps = append(steps, notNull(c, t, name, name, Expand, Backfill)...)
	return steps
}

// splitTable keeps a table split off another in step with it while both
// versions run: the old version writes the moved columns of the source
// table, the new version the new table, and triggers on both copy each
// write across. Rows are only created for source rows with a value in
// some moved column, and a delete of a source row deletes its row in the
// new table first, so that the new foreign key never blocks it.
func (p *postgres) splitTable(c diff.SplitTable) []Step {
	src, dst := c.From.Name, c.Table.Name
	join, srcKey := c.Split.Column, c.Split.FromColumn
	cols := c.Columns
	q := func(prefix string, names []string) string {
		var out []string
		for _, n := range names {
			out = append(out, prefix+qi(n))
		}
		return strings.Join(out, ", ")
	}
	nullable := true
	for _, n := range cols {
		if c.From.Column(n).NotNull {
			nullable = false
		}
	}
	var set []string
	for _, n := range cols {
		set = append(set, fmt.Sprintf("%s = NEW.%s", qi(n), qi(n)))
	}
	fwdFn := schema.Name{Schema: src.Schema, Name: syncName("zdplan_split", dst, "fwd")}
	backFn := schema.Name{Schema: dst.Schema, Name: syncName("zdplan_split", dst, "back")}
	fwdTrig := triggerName("zdplan_split", dst.Name+"_fwd")
	backTrig := triggerName("zdplan_split", dst.Name+"_back")
	fwd := fmt.Sprintf(`BEGIN
  -- Writes made by the other trigger are already in step.
  IF pg_trigger_depth() > 1 THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    DELETE FROM %[1]s WHERE %[2]s = OLD.%[3]s;
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND (%[4]s) IS NOT DISTINCT FROM (%[5]s) THEN
    RETURN NULL;
  END IF;
  IF num_nonnulls(%[4]s) = 0 THEN
    DELETE FROM %[1]s WHERE %[2]s = NEW.%[3]s;
  ELSE
    UPDATE %[1]s SET %[6]s WHERE %[2]s = NEW.%[3]s;
    IF NOT FOUND THEN
      INSERT INTO %[1]s (%[2]s, %[7]s) VALUES (NEW.%[3]s, %[4]s);
    END IF;
  END IF;
  RETURN NULL;
END`, qn(dst), qi(join), qi(srcKey), q("NEW.", cols), q("OLD.", cols), strings.Join(set, ", "), q("", cols))
	clear := "NULL"
	if nullable {
		var nulls []string
		for _, n := range cols {
			nulls = append(nulls, qi(n)+" = NULL")
		}
		clear = fmt.Sprintf("UPDATE %s SET %s WHERE %s = OLD.%s;", qn(src), strings.Join(nulls, ", "), qi(srcKey), qi(join))
	} else {
		clear = "NULL; -- the old version's columns are NOT NULL: it keeps the last values"
	}
	back := fmt.Sprintf(`BEGIN
  IF pg_trigger_depth() > 1 THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    %[5]s
    RETURN NULL;
  END IF;
  UPDATE %[1]s SET %[4]s WHERE %[2]s = NEW.%[3]s AND (%[6]s) IS DISTINCT FROM (%[7]s);
  RETURN NULL;
END`, qn(src), qi(srcKey), qi(join), strings.Join(set, ", "), clear, q("", cols), q("NEW.", cols))
	fill := fmt.Sprintf("INSERT INTO %s (%s, %s)\n      SELECT s.%s, %s FROM %s AS s\n      WHERE %s AND num_nonnulls(%s) > 0\n        AND NOT EXISTS (SELECT 1 FROM %s AS d WHERE d.%s = s.%s)",
		qn(dst), qi(join), q("", cols), qi(srcKey), q("s.", cols), qn(src), rangePlaceholder, q("s.", cols), qn(dst), qi(join), qi(srcKey))
	key := p.primaryKey(src)
	var backfill Step
	if len(key) == 0 {
		backfill = backfillStep(c, src, nil, fmt.Sprintf("copy %s of existing %s rows into %s", strings.Join(cols, ", "), src, dst), fill, "")
	} else {
		backfill = step(Backfill, rankBackfill, c,
			fmt.Sprintf("copy %s of existing %s rows into %s, in batches by primary key", strings.Join(cols, ", "), src, dst),
			batchedSQL(src, key, "s", fill, ""), "ROW EXCLUSIVE; row locks of one batch at a time")
		backfill.Transactional = false
		backfill.Batch = newBatch("postgres", src, key, "s", fill, "")
	}
	return []Step{
		step(Expand, rankSyncTrigger, c, fmt.Sprintf("copy the old version's writes of %s.{%s} into %s", src, strings.Join(cols, ","), dst),
			triggerSQL(src, fwdFn, fwdTrig, "AFTER INSERT OR UPDATE", "", fwd)+"\n"+
				triggerSQL(src, fwdFn, fwdTrig+"_del", "BEFORE DELETE", "", fwd), lockTriggerCreate),
		step(Expand, rankSyncTrigger, c, fmt.Sprintf("copy the new version's writes of %s back into %s", dst, src),
			triggerSQL(dst, backFn, backTrig, "AFTER INSERT OR UPDATE OR DELETE", "", back), lockTriggerCreate),
		backfill,
		step(Contract, rankDropTrigger, c, fmt.Sprintf("drop the split triggers of %s and %s", src, dst),
			fmt.Sprintf("DROP TRIGGER IF EXISTS %s ON %s;\nDROP TRIGGER IF EXISTS %s ON %s;\n%s",
				qi(fwdTrig), qn(src), qi(fwdTrig+"_del"), qn(src), dropTriggerSQL(dst, backFn, backTrig))+
				fmt.Sprintf("\nDROP FUNCTION IF EXISTS %s();", qn(fwdFn)), lockTriggerCreate),
	}
}
