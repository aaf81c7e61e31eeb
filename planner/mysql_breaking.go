package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	myq "github.com/zdplan/zdplan/parser/mysql"
	"github.com/zdplan/zdplan/schema"
)

// This file holds the MySQL strategies for breaking changes, the
// counterparts of postgres_breaking.go. The differences come from MySQL:
//
//   - a trigger fires on one event, so a sync needs one per event;
//   - a trigger may not write the table whose statement fired it, and a
//     statement run by a trigger may not write a table the firing
//     statement uses: the two directions of a split are kept apart by a
//     session variable, @zdplan_sync, set while one direction writes;
//   - CREATE TRIGGER cannot be prepared, so it is made re-runnable by
//     DROP TRIGGER IF EXISTS first;
//   - a backfill is a stored procedure that commits per batch, created,
//     called and dropped by the phase file (DELIMITER is understood by the
//     mysql client, which runs the files).

const myLockTrigger = "metadata lock on the table (brief, to create or drop the trigger)"

// myTrigger creates a trigger again; body is one statement, or a
// BEGIN ... END block (then written between DELIMITER lines).
func myTrigger(table schema.Name, name, timing string, body string) string {
	create := fmt.Sprintf("CREATE TRIGGER %s %s ON %s FOR EACH ROW\n%s", myQuoteIdent(name), timing, myQuoteName(table), body)
	drop := fmt.Sprintf("DROP TRIGGER IF EXISTS %s;", myQuoteIdent(name))
	if strings.HasPrefix(body, "BEGIN") {
		return drop + "\nDELIMITER ;;\n" + create + ";;\nDELIMITER ;"
	}
	return drop + "\n" + create + ";"
}

func myDropTriggers(names ...string) string {
	var b []string
	for _, n := range names {
		b = append(b, fmt.Sprintf("DROP TRIGGER IF EXISTS %s;", myQuoteIdent(n)))
	}
	return strings.Join(b, "\n")
}

// myTriggerName names a trigger of zdplan's; MySQL trigger names are per
// database and at most 64 characters.
func myTriggerName(kind string, table schema.Name, what, event string) string {
	name := fmt.Sprintf("zdplan_%s_%s_%s_%s", kind, table.Name, what, event)
	if len(name) > 64 {
		name = fmt.Sprintf("zdplan_%s_%x_%s", kind, fnv32(table.Name+"."+what), event)
	}
	return name
}

// myRowExpr evaluates an expression written over a table's columns (a
// using or backfill hint) against the row a trigger sees: its column names
// qualified with NEW, or, when it cannot be rewritten (a subquery), a
// derived table of the NEW values under the columns' own names — which
// costs a query per row written.
func myRowExpr(expr string, cols []string) string {
	if len(cols) == 0 {
		return "(" + expr + ")"
	}
	if e, err := myq.OverRow(expr, "NEW"); err == nil {
		return "(" + e + ")"
	}
	var sel []string
	for _, c := range cols {
		sel = append(sel, fmt.Sprintf("NEW.%s AS %s", myQuoteIdent(c), myQuoteIdent(c)))
	}
	return fmt.Sprintf("(SELECT %s FROM (SELECT %s) AS zdplan_row)", expr, strings.Join(sel, ", "))
}

// myBackfill is a stored procedure that runs stmt — with rangePlaceholder
// for the batch's key range — over the table in batches of its primary
// key (keyset), committing after each; @zdplan_batch_size (default 5000)
// and @zdplan_batch_pause (seconds, default 0) tune it, e.g. with
// mysql --init-command='SET @zdplan_batch_size = 1000'. Without a primary
// key the statement runs once.
//
// alias qualifies the key columns in the range condition when stmt reads
// the table under an alias.
func myBackfill(c diff.Change, table *schema.Table, key []string, alias, summary, stmt string) Step {
	if len(key) == 0 {
		s := myStep(Backfill, rankBackfill, c, summary+" (in one statement: the table has no primary key)",
			strings.ReplaceAll(stmt, rangePlaceholder, "TRUE")+";", "row locks of the whole table until it commits")
		return s
	}
	proc := fmt.Sprintf("zdplan_backfill_%x", fnv32(c.Kind()+c.Object()+summary))
	var decl, keys, qkeys, vars, next, lasts, set []string
	for i, k := range key {
		col := table.Column(k)
		typ := "BIGINT"
		if col != nil {
			typ = myTypeSQL(*col.Type)
		}
		v, nv, lv := fmt.Sprintf("zdplan_k%d", i+1), fmt.Sprintf("zdplan_n%d", i+1), fmt.Sprintf("zdplan_l%d", i+1)
		decl = append(decl, fmt.Sprintf("  DECLARE %s %s;\n  DECLARE %s %s;\n  DECLARE %s %s;", v, typ, nv, typ, lv, typ))
		keys = append(keys, myQuoteIdent(k))
		qkeys = append(qkeys, qualifyMy(alias, k))
		vars = append(vars, v)
		next = append(next, nv)
		lasts = append(lasts, lv)
		set = append(set, fmt.Sprintf("%s = NULL", nv))
	}
	row := func(xs []string) string { return "(" + strings.Join(xs, ", ") + ")" }
	var desc, keyDesc, bkeys []string
	for _, k := range keys {
		desc = append(desc, "zdplan_b."+k+" DESC")
		keyDesc = append(keyDesc, k+" DESC")
		bkeys = append(bkeys, "zdplan_b."+k)
	}
	var assign []string
	for i := range vars {
		assign = append(assign, fmt.Sprintf("%s = %s", vars[i], next[i]))
	}
	rng := fmt.Sprintf("(NOT zdplan_started OR %s > %s) AND %s <= %s", row(qkeys), row(vars), row(qkeys), row(next))
	body := strings.ReplaceAll(stmt, rangePlaceholder, rng)
	sql := fmt.Sprintf(`DROP PROCEDURE IF EXISTS %[1]s;
DELIMITER ;;
CREATE PROCEDURE %[1]s()
BEGIN
  DECLARE zdplan_batch INT DEFAULT COALESCE(@zdplan_batch_size, 5000);
  DECLARE zdplan_pause DOUBLE DEFAULT COALESCE(@zdplan_batch_pause, 0);
  DECLARE zdplan_started BOOLEAN DEFAULT FALSE;
%[2]s
  -- Rows inserted from here on have their values from the triggers: the
  -- loop ends with the batch that reaches the last key of the rows there
  -- are now, rather than follow the application's inserts.
  SELECT %[6]s INTO %[14]s FROM %[7]s ORDER BY %[15]s LIMIT 1;
  zdplan_batches: LOOP
    SET %[3]s;
    -- The last key of the next batch.
    SELECT %[4]s INTO %[5]s FROM (
      SELECT %[6]s FROM %[7]s
      WHERE NOT zdplan_started OR %[8]s > %[9]s
      ORDER BY %[6]s LIMIT zdplan_batch) AS zdplan_b
    ORDER BY %[10]s LIMIT 1;
    IF %[11]s IS NULL THEN
      LEAVE zdplan_batches;
    END IF;
    %[12]s;
    COMMIT;
    SET %[13]s, zdplan_started = TRUE;
    IF %[17]s IS NULL OR %[9]s >= %[16]s THEN
      LEAVE zdplan_batches;
    END IF;
    DO SLEEP(zdplan_pause);
  END LOOP;
END;;
DELIMITER ;
CALL %[1]s();
DROP PROCEDURE IF EXISTS %[1]s;`,
		myQuoteIdent(proc), strings.Join(decl, "\n"), strings.Join(set, ", "),
		strings.Join(bkeys, ", "), strings.Join(next, ", "),
		strings.Join(keys, ", "), myQuoteName(table.Name), row(keys), row(vars),
		strings.Join(desc, ", "), next[0], body, strings.Join(assign, ", "),
		strings.Join(lasts, ", "), strings.Join(keyDesc, ", "), row(lasts), lasts[0])
	s := myStep(Backfill, rankBackfill, c, summary+", in batches by primary key", sql, "row locks of one batch at a time")
	s.Batch = newBatch("mysql", table.Name, key, alias, stmt, "")
	return s
}

func qualifyMy(alias, col string) string {
	if alias == "" {
		return myQuoteIdent(col)
	}
	return alias + "." + myQuoteIdent(col)
}

func (m *mysql) primaryKey(t schema.Name) (*schema.Table, []string) {
	if ot := m.d.From.Table(t); ot != nil {
		if pk := ot.PrimaryKey(); pk != nil {
			return ot, pk.Columns
		}
		return ot, nil
	}
	return nil, nil
}

// renameTable renames the table and leaves a view under the old name,
// which MySQL can write through (a simple MERGE view), for the old
// version. RENAME TABLE and CREATE VIEW commit separately: between them,
// for a moment, the old name does not exist.
func (m *mysql) renameTable(c diff.RenameTable) []Step {
	from, to := c.From.Name, c.To.Name
	isTable := fmt.Sprintf("%s > 0", myCount(fmt.Sprintf("information_schema.tables WHERE table_schema = DATABASE() AND table_name = %s AND table_type = 'BASE TABLE'", myQuoteLiteral(from.Name))))
	return []Step{
		myStep(Expand, rankRename, c, fmt.Sprintf("rename table %s to %s", from, to),
			myIf(isTable, fmt.Sprintf("RENAME TABLE %s TO %s", myQuoteName(from), myQuoteName(to))), "exclusive metadata lock (brief)"),
		myStep(Expand, rankRename, c, fmt.Sprintf("create view %s over %s for the old version (updatable)", from, to),
			fmt.Sprintf("CREATE OR REPLACE VIEW %s AS SELECT * FROM %s;", myQuoteName(from), myQuoteName(to)), myLockView),
		myStep(Contract, rankDropView, c, fmt.Sprintf("drop view %s, which only the old version used", from),
			fmt.Sprintf("DROP VIEW IF EXISTS %s;", myQuoteName(from)), myLockView),
	}
}

// renameConstraint renames a foreign key (MySQL has no RENAME for
// constraints): dropped and added again under the new name in one
// statement, with checks off — the rows are the same.
func (m *mysql) renameConstraint(c diff.RenameConstraint) []Step {
	con := c.Table.Constraint(c.To)
	if con == nil || con.Kind != schema.ForeignKey {
		return nil // PRIMARY keeps its name; CHECK names are not derived from the table's
	}
	return []Step{myStep(Expand, rankRename, c, fmt.Sprintf("rename foreign key %s of %s to %s", c.From, c.Table.Name, c.To),
		"SET SESSION foreign_key_checks = 0;\n"+
			myIf(myConstraintExists(c.Table.Name, c.From, "FOREIGN KEY"),
				myAlter(c.Table.Name, fmt.Sprintf("DROP FOREIGN KEY %s, ADD %s", myQuoteIdent(c.From), foreignKeyDefinition(con)), AlgInplace))+
			"\nSET SESSION foreign_key_checks = 1;", AlgInplace.Lock())}
}

func (m *mysql) renameIndex(c diff.RenameIndex) []Step {
	exists := myIndexExists(c.To.Table, c.From.Name.Name)
	if strings.EqualFold(c.From.Name.Name, c.To.Name.Name) {
		// information_schema compares names without case: only a binary
		// comparison tells the old spelling from the new.
		exists = fmt.Sprintf("%s > 0", myCount(fmt.Sprintf("information_schema.statistics WHERE table_schema = DATABASE() AND table_name = %s AND BINARY index_name = BINARY %s",
			myQuoteLiteral(c.To.Table.Name), myQuoteLiteral(c.From.Name.Name))))
	}
	return []Step{myStep(Expand, rankRename, c, fmt.Sprintf("rename index %s to %s", c.From.Name.Name, c.To.Name.Name),
		myIf(exists, myAlter(c.To.Table, fmt.Sprintf("RENAME INDEX %s TO %s", myQuoteIdent(c.From.Name.Name), myQuoteIdent(c.To.Name.Name)), AlgInplace)),
		AlgInplace.Lock())}
}

// syncColumn keeps a column of the new shape in step with one of the old
// while both versions run (a rename, or a type change through a shadow
// column); see syncColumn in postgres_breaking.go.
func (m *mysql) syncColumn(c diff.Change, t *schema.Table, old, new *schema.Column, addName string, rename bool) []Step {
	ot, key := m.primaryKey(t.Name)
	oldQ, newQ := myQuoteIdent(old.Name), myQuoteIdent(addName)
	fwd := "NEW." + oldQ
	if u := new.Hint().Using; u != nil {
		fwd = myRowExpr(u.SQL, new.Hint().UsingColumns)
	}
	if b := new.Hint().Backfill; b != nil {
		fwd = fmt.Sprintf("COALESCE(%s, %s)", fwd, myRowExpr(b.SQL, new.Hint().BackfillColumns))
	}
	rev := "NEW." + newQ
	add := *new
	add.Name, add.NotNull, add.Default, add.AutoIncrement = addName, false, nil, false
	add.SetExtra(func(e *schema.ColumnExtra) { e.OnUpdate = nil })
	obj := t.Name.String() + "." + new.Name
	ins := myTriggerName("sync", t.Name, new.Name, "ins")
	upd := myTriggerName("sync", t.Name, new.Name, "upd")
	what := "rename"
	if !rename {
		what = "type change"
	}
	insBody := fmt.Sprintf("SET NEW.%[2]s = IF(NEW.%[2]s IS NULL, %[3]s, NEW.%[2]s),\n    NEW.%[1]s = IF(NEW.%[2]s <=> %[3]s, NEW.%[1]s, %[4]s)", oldQ, newQ, fwd, rev)
	updBody := fmt.Sprintf("SET NEW.%[2]s = IF(NOT (NEW.%[1]s <=> OLD.%[1]s) OR NEW.%[2]s IS NULL, %[3]s, NEW.%[2]s),\n    NEW.%[1]s = IF(NOT (NEW.%[2]s <=> OLD.%[2]s) AND NOT (NEW.%[2]s <=> %[3]s), %[4]s, NEW.%[1]s)", oldQ, newQ, fwd, rev)
	// Over the table itself, the hints' expressions read its columns
	// directly.
	stmtFwd := oldQ
	if u := new.Hint().Using; u != nil {
		stmtFwd = "(" + u.SQL + ")"
	}
	if b := new.Hint().Backfill; b != nil {
		stmtFwd = fmt.Sprintf("COALESCE(%s, (%s))", stmtFwd, b.SQL)
	}
	a := addColumnAlg(m.d, t, &add).on(m.target)
	steps := []Step{
		myStep(Expand, rankColumn, c, fmt.Sprintf("add column %s.%s (nullable for now) for the %s of %s", t.Name, addName, what, old.Name),
			myIf("NOT "+myColumnExists(t.Name, addName), myAlter(t.Name, "ADD COLUMN "+columnDefinition(&add), a)), a.Lock()),
		myStep(Expand, rankSyncTrigger, c, fmt.Sprintf("keep %s and %s in step while both versions run", old.Name, addName),
			myTrigger(t.Name, ins, "BEFORE INSERT", insBody)+"\n"+myTrigger(t.Name, upd, "BEFORE UPDATE", updBody), myLockTrigger),
		myBackfill(c, ot, key, "", fmt.Sprintf("copy %s into %s for existing rows", old.Name, addName),
			fmt.Sprintf("UPDATE %s SET %s = %s\n      WHERE %s AND %s IS NULL AND %s IS NOT NULL", myQuoteName(t.Name), newQ, stmtFwd, rangePlaceholder, newQ, stmtFwd)),
		myStep(Contract, rankDropTrigger, c, "drop the sync triggers of "+obj, myDropTriggers(ins, upd), myLockTrigger),
	}
	final := *new
	if rename {
		steps = append(steps, myStep(Contract, rankDropColumn, c, fmt.Sprintf("drop column %s.%s, which only the old version used", t.Name, old.Name),
			myIf(myColumnExists(t.Name, old.Name), myAlter(t.Name, "DROP COLUMN "+oldQ, AlgInstant)), AlgInstant.Lock()))
	} else {
		steps = append(steps, myStep(Contract, rankSwapColumn, c, fmt.Sprintf("swap %s in for %s: drop the old column, rename the new one", addName, obj),
			myIf(myColumnExists(t.Name, addName), myAlter(t.Name, fmt.Sprintf("DROP COLUMN %s, RENAME COLUMN %s TO %s", oldQ, newQ, myQuoteIdent(new.Name)), AlgInstant)), AlgInstant.Lock()))
	}
	// NOT NULL and the default come in contract, restating the column.
	mid := add
	mid.Name = new.Name
	if !sameColumnState(&mid, &final) || !mid.Default.Equal(final.Default) {
		if final.NotNull {
			steps = append(steps, m.noNulls(c, t, &final))
		}
		ca := columnAlg(m.d, t, &mid, &final).on(m.target)
		steps = append(steps, myStep(Contract, tighten(Contract, rankSetNotNull), c, fmt.Sprintf("give %s its final definition", obj),
			myIf("NOT "+myColumnIs(t.Name, &final), myAlter(t.Name, "MODIFY COLUMN "+columnDefinition(&final), ca)), ca.Lock()))
	}
	return steps
}

// backfillColumn fills a column's NULLs with a backfill hint's value:
// triggers from expand on, a batched update of existing rows, NOT NULL in
// contract.
func (m *mysql) backfillColumn(c diff.Change, t *schema.Table, col *schema.Column, add bool) []Step {
	ot, key := m.primaryKey(t.Name)
	q := myQuoteIdent(col.Name)
	value := myRowExpr(col.Hint().Backfill.SQL, col.Hint().BackfillColumns)
	obj := t.Name.String() + "." + col.Name
	ins := myTriggerName("fill", t.Name, col.Name, "ins")
	upd := myTriggerName("fill", t.Name, col.Name, "upd")
	body := fmt.Sprintf("SET NEW.%s = COALESCE(NEW.%s, %s)", q, q, value)
	nullable := *col
	nullable.NotNull = false
	var steps []Step
	if add {
		a := addColumnAlg(m.d, t, &nullable).on(m.target)
		steps = append(steps, myStep(Expand, rankColumn, c, fmt.Sprintf("add column %s (nullable until contract)", obj),
			myIf("NOT "+myColumnExists(t.Name, col.Name), myAlter(t.Name, "ADD COLUMN "+columnDefinition(&nullable), a)), a.Lock()))
	}
	steps = append(steps,
		myStep(Expand, rankSyncTrigger, c, fmt.Sprintf("give %s the backfill value in rows written without one", obj),
			myTrigger(t.Name, ins, "BEFORE INSERT", body)+"\n"+myTrigger(t.Name, upd, "BEFORE UPDATE", body), myLockTrigger),
		myBackfill(c, ot, key, "", fmt.Sprintf("give existing rows of %s the backfill value", obj),
			fmt.Sprintf("UPDATE %s SET %s = (%s)\n      WHERE %s AND %s IS NULL", myQuoteName(t.Name), q, col.Hint().Backfill.SQL, rangePlaceholder, q)),
		myStep(Contract, rankDropTrigger, c, "drop the backfill triggers of "+obj, myDropTriggers(ins, upd), myLockTrigger),
		m.noNulls(c, t, col),
	)
	a := columnAlg(m.d, t, &nullable, col).on(m.target)
	steps = append(steps, myStep(Contract, tighten(Contract, rankSetNotNull), c, fmt.Sprintf("set %s NOT NULL", obj),
		myIf("NOT "+myColumnIs(t.Name, col), myAlter(t.Name, "MODIFY COLUMN "+columnDefinition(col), a)), a.Lock()))
	return steps
}

// splitTable keeps a table split off another in step with it while both
// versions run; see splitTable in postgres_breaking.go. Each trigger does
// nothing while @zdplan_sync is set — by the other direction, whose write
// fired it — and resets it if its own write fails, so that a failed
// statement does not leave the session unsynced.
func (m *mysql) splitTable(c diff.SplitTable) []Step {
	src, dst := c.From.Name, c.Table.Name
	join, srcKey := myQuoteIdent(c.Split.Column), myQuoteIdent(c.Split.FromColumn)
	var cols, newCols, set, setBack, anyNotNull, differs []string
	nullable := true
	for _, n := range c.Columns {
		q := myQuoteIdent(n)
		cols = append(cols, q)
		newCols = append(newCols, "NEW."+q)
		set = append(set, fmt.Sprintf("%s = NEW.%s", q, q))
		setBack = append(setBack, fmt.Sprintf("%s = NULL", q))
		anyNotNull = append(anyNotNull, fmt.Sprintf("NEW.%s IS NOT NULL", q))
		differs = append(differs, fmt.Sprintf("NOT (%s <=> NEW.%s)", q, q))
		if c.From.Column(n).NotNull {
			nullable = false
		}
	}
	guarded := func(body string) string {
		return fmt.Sprintf(`BEGIN
  DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN SET @zdplan_sync = NULL; RESIGNAL; END;
  IF @zdplan_sync IS NULL THEN
    SET @zdplan_sync = 1;
%s
    SET @zdplan_sync = NULL;
  END IF;
END`, body)
	}
	upsert := fmt.Sprintf(`    IF %[1]s THEN
      INSERT INTO %[2]s (%[3]s, %[4]s) VALUES (NEW.%[5]s, %[6]s)
        ON DUPLICATE KEY UPDATE %[7]s;
    ELSE
      DELETE FROM %[2]s WHERE %[3]s = NEW.%[5]s;
    END IF;`, strings.Join(anyNotNull, " OR "), myQuoteName(dst), join, strings.Join(cols, ", "), srcKey, strings.Join(newCols, ", "), strings.Join(set, ", "))
	del := fmt.Sprintf("    DELETE FROM %s WHERE %s = OLD.%s;", myQuoteName(dst), join, srcKey)
	back := fmt.Sprintf("    UPDATE %s SET %s WHERE %s = NEW.%s AND (%s);", myQuoteName(src), strings.Join(set, ", "), srcKey, join, strings.Join(differs, " OR "))
	backDel := "    DO 0; -- the old version's columns are NOT NULL: it keeps the last values"
	if nullable {
		backDel = fmt.Sprintf("    UPDATE %s SET %s WHERE %s = OLD.%s;", myQuoteName(src), strings.Join(setBack, ", "), srcKey, join)
	}
	names := map[string]string{}
	for _, n := range []string{"ins", "upd", "del"} {
		names["fwd_"+n] = myTriggerName("split", dst, "fwd", n)
		names["back_"+n] = myTriggerName("split", dst, "back", n)
	}
	triggers := []string{
		myTrigger(src, names["fwd_ins"], "AFTER INSERT", guarded(upsert)),
		myTrigger(src, names["fwd_upd"], "AFTER UPDATE", guarded(upsert)),
		myTrigger(src, names["fwd_del"], "BEFORE DELETE", guarded(del)),
	}
	backTriggers := []string{
		myTrigger(dst, names["back_ins"], "AFTER INSERT", guarded(back)),
		myTrigger(dst, names["back_upd"], "AFTER UPDATE", guarded(back)),
		myTrigger(dst, names["back_del"], "AFTER DELETE", guarded(backDel)),
	}
	var sCols []string
	for _, q := range cols {
		sCols = append(sCols, "s."+q)
	}
	var sAny []string
	for _, q := range cols {
		sAny = append(sAny, "s."+q+" IS NOT NULL")
	}
	fill := fmt.Sprintf("INSERT INTO %s (%s, %s)\n      SELECT s.%s, %s FROM %s AS s\n      WHERE %s AND (%s)\n        AND NOT EXISTS (SELECT 1 FROM %s AS d WHERE d.%s = s.%s)",
		myQuoteName(dst), join, strings.Join(cols, ", "), srcKey, strings.Join(sCols, ", "), myQuoteName(src), rangePlaceholder, strings.Join(sAny, " OR "),
		myQuoteName(dst), join, srcKey)
	ot, key := m.primaryKey(src)
	// The copy must not fire the way back: it reads the source table,
	// which a trigger of the statement may then not write.
	fill = "SET @zdplan_sync = 1;\n    " + fill + ";\n    SET @zdplan_sync = NULL"
	bf := myBackfill(c, ot, key, "s", fmt.Sprintf("copy %s of existing %s rows into %s", strings.Join(c.Columns, ", "), src, dst), fill)
	return []Step{
		myStep(Expand, rankSyncTrigger, c, fmt.Sprintf("copy the old version's writes of %s.{%s} into %s", src, strings.Join(c.Columns, ","), dst),
			strings.Join(triggers, "\n"), myLockTrigger),
		myStep(Expand, rankSyncTrigger, c, fmt.Sprintf("copy the new version's writes of %s back into %s", dst, src),
			strings.Join(backTriggers, "\n"), myLockTrigger),
		bf,
		myStep(Contract, rankDropTrigger, c, fmt.Sprintf("drop the split triggers of %s and %s", src, dst),
			myDropTriggers(names["fwd_ins"], names["fwd_upd"], names["fwd_del"], names["back_ins"], names["back_upd"], names["back_del"]), myLockTrigger),
	}
}
