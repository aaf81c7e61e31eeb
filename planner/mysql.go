package planner

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/zdplan/zdplan/diff"
	myq "github.com/zdplan/zdplan/parser/mysql"
	"github.com/zdplan/zdplan/schema"
)

// The MySQL emitter targets MySQL 8.0.29+ and MariaDB 10.6+. Every phase
// file runs with `mysql --batch DB < FILE`, and again:
//
//   - every ALTER TABLE names its ALGORITHM and LOCK (MySQLAlgorithm), so
//     a server never silently copies a table it was expected to change in
//     place — it fails the statement instead;
//   - MySQL 8 has no IF [NOT] EXISTS for columns, indexes and
//     constraints, so statements are guarded by an information_schema
//     condition and run as prepared statements (myIf);
//   - DDL commits implicitly in MySQL, so no step is transactional.

// Ranks of MySQL-only steps, between the shared ones.
const (
	// Table options (the default character set) change before columns
	// are added, which then inherit the new default.
	rankTableOptions = rankTable + 5
)

// Lock descriptions of statements that are not an ALTER TABLE of an
// existing table.
const (
	myLockNone     = "none (new object)"
	myLockView     = "metadata lock on the view (brief)"
	myLockDrop     = "exclusive metadata lock (brief; nothing uses it any more)"
	myLockRead     = "none (a consistent read)"
	myLockSettings = "none"
)

type mysql struct {
	d      *diff.Diff
	opts   Options
	target string
	// cols collects the changes to each existing column, which MySQL
	// makes by restating the whole column (MODIFY COLUMN): one statement
	// per column and phase, with the algorithm all its changes need.
	cols     map[colKey]*colChange
	colOrder []colKey
}

type colKey struct {
	table schema.Name
	col   string
}

type colChange struct {
	table    *schema.Table
	from, to *schema.Column
	first    diff.Change
	what     []string
	expand   bool
	contract bool
}

func newMySQL(d *diff.Diff, opts Options) *mysql {
	return &mysql{d: d, opts: opts, target: opts.Target, cols: map[colKey]*colChange{}}
}

// MySQLPreamble is what every MySQL phase file starts with: a character
// set for the statements' text; a fixed sql_mode, so that NULLs are never
// silently turned into zeros by a NOT NULL change (strict mode), an
// unavailable engine is an error, and backslashes in literals escape as
// the generated SQL expects; and lock_wait_timeout, so that a DDL
// statement waiting for its metadata lock behind a long transaction gives
// up instead of queueing every other query behind it.
func MySQLPreamble(lockTimeout string) ([]string, error) {
	secs, err := lockWaitSeconds(lockTimeout)
	if err != nil {
		return nil, err
	}
	return []string{
		"SET NAMES utf8mb4;",
		"SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION';",
		fmt.Sprintf("SET SESSION lock_wait_timeout = %d;", secs),
	}, nil
}

var settingDuration = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*(us|ms|s|min|h|d)?\s*$`)

// lockWaitSeconds converts a PostgreSQL-style duration setting ("5s",
// "500ms", "1min", a bare number of milliseconds) to whole seconds,
// rounded up: MySQL's lock_wait_timeout counts seconds, at least 1.
func lockWaitSeconds(s string) (int, error) {
	m := settingDuration.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("lock timeout %q: want a duration such as 5s, 500ms or 1min", s)
	}
	v, _ := strconv.ParseFloat(m[1], 64)
	unit := map[string]time.Duration{"": time.Millisecond, "us": time.Microsecond, "ms": time.Millisecond,
		"s": time.Second, "min": time.Minute, "h": time.Hour, "d": 24 * time.Hour}[m[2]]
	secs := int(math.Ceil(v * float64(unit) / float64(time.Second)))
	return max(secs, 1), nil
}

func myStep(ph Phase, rank int, c diff.Change, summary, sql, lock string) Step {
	return Step{
		Phase: ph, rank: rank, Change: c.Kind(), Object: c.Object(),
		Summary: summary, SQL: sql, Lock: lock, Transactional: false, Rerunnable: true,
	}
}

// alter is one guarded ALTER TABLE ending with the algorithm clause.
func myAlter(table schema.Name, body string, alg Algorithm) string {
	return fmt.Sprintf("ALTER TABLE %s %s, %s", myQuoteName(table), body, alg.Clause())
}

func (m *mysql) alg(c diff.Change) Algorithm {
	a, _, _ := MySQLAlgorithm(m.d, c, m.target)
	return a
}

func (m *mysql) steps(c diff.Change) []Step {
	switch c := c.(type) {
	case diff.CreateTable:
		return []Step{withReverse(myStep(Expand, rankTable, c, "create table "+c.Object(), m.createTable(c.Table), myLockNone),
			fmt.Sprintf("DROP TABLE IF EXISTS %s;", myQuoteName(c.Table.Name)))}
	case diff.DropTable:
		return []Step{myStep(Contract, rankDropTable, c, "drop table "+c.Object(),
			fmt.Sprintf("DROP TABLE IF EXISTS %s;", myQuoteName(c.Table.Name)), myLockDrop)}
	case diff.AlterTableOptions:
		return m.tableOptions(c)
	case diff.AddColumn:
		return m.addColumn(c)
	case diff.DropColumn:
		a := m.alg(c)
		steps := []Step{myStep(Contract, rankDropColumn, c, "drop column "+c.Object()+" (the application must stop using it in the release before this contract)",
			myIf(myColumnExists(c.Table.Name, c.Column.Name), myAlter(c.Table.Name, "DROP COLUMN "+myQuoteIdent(c.Column.Name), a)), a.Lock())}
		if NeedsLoosenBeforeDrop(c.Table, c.Column) {
			nullable := *c.Column
			nullable.NotNull = false
			la := columnAlg(m.d, c.Table, c.Column, &nullable).on(m.target)
			steps = append(steps, myStep(Expand, rankLoosen, c, fmt.Sprintf("allow NULL in %s, so that the new version can insert rows without it", c.Object()),
				myIf("NOT "+myColumnIs(c.Table.Name, &nullable)+" AND "+myColumnExists(c.Table.Name, c.Column.Name),
					myAlter(c.Table.Name, "MODIFY COLUMN "+columnDefinition(&nullable), la)), la.Lock()))
		}
		return steps
	case diff.AlterColumnType:
		if m.opts.TypeChange == TypeChangeShadow && m.alg(c).BlocksWrites() && ShadowTypeChange(m.d, c.Table, c.From, c.To) {
			return m.syncColumn(c, c.Table, c.From, c.To, shadowName(c.To.Name), false)
		}
		m.column(c, c.Table, c.From, c.To, true, false, fmt.Sprintf("type %s", myTypeSQL(*c.To.Type)))
		return nil
	case diff.RenameTable:
		return m.renameTable(c)
	case diff.RenameIndex:
		return m.renameIndex(c)
	case diff.RenameConstraint:
		return m.renameConstraint(c)
	case diff.RenameColumn:
		return m.syncColumn(c, c.Table, c.From, c.To, c.To.Name, true)
	case diff.SplitTable:
		return m.splitTable(c)
	case diff.DropNotNull:
		m.column(c, c.Table, nil, c.Column, true, false, "allow NULL")
		return nil
	case diff.ModifyColumn:
		contract := expandState(c.From, c.To).AutoIncrement != c.To.AutoIncrement
		m.column(c, c.Table, c.From, c.To, true, contract, modifiedAttributes(c.From, c.To))
		return nil
	case diff.SetNotNull:
		if c.Column.Hint().Backfill != nil {
			return m.backfillColumn(c, c.Table, c.Column, false)
		}
		from := oldColumn(m.d, c.Table, c.Column)
		if from == nil {
			return nil
		}
		m.column(c, c.Table, from, c.Column, false, true, "NOT NULL")
		return []Step{m.noNulls(c, c.Table, c.Column)}
	case diff.SetDefault:
		return []Step{myStep(Expand, rankAlterColumn, c, "set default of "+c.Object(),
			myAlter(c.Table.Name, fmt.Sprintf("ALTER COLUMN %s SET DEFAULT %s", myQuoteIdent(c.Column.Name), myDefaultSQL(c.Column.Default)), AlgInstant)+";",
			AlgInstant.Lock())}
	case diff.DropDefault:
		// The old version may insert rows relying on the default.
		return []Step{myStep(Contract, rankDropConstraint, c, fmt.Sprintf("drop default of %s (the old version may rely on it)", c.Object()),
			myAlter(c.Table.Name, fmt.Sprintf("ALTER COLUMN %s DROP DEFAULT", myQuoteIdent(c.Column.Name)), AlgInstant)+";", AlgInstant.Lock())}
	case diff.AddIndex:
		if c.NewTable {
			return nil // created with its table
		}
		if t := m.d.To.Table(c.Index.Table); t != nil && keyAddedWithColumn(m.d, t, nil, c.Index) {
			return nil // created with its AUTO_INCREMENT column
		}
		return m.addIndex(c, c.Index)
	case diff.DropIndex:
		if m.d.To.Table(c.Index.Table) == nil {
			return nil // dropped with its table
		}
		a := m.alg(c)
		return []Step{myStep(Contract, rankDropIndex, c, "drop index "+c.Object(),
			myIf(myIndexExists(c.Index.Table, c.Index.Name.Name), myAlter(c.Index.Table, "DROP INDEX "+myQuoteIdent(c.Index.Name.Name), a)), a.Lock())}
	case diff.ReplaceIndex:
		return m.replaceIndex(c)
	case diff.AddConstraint:
		return m.addConstraint(c, c.Table, c.Constraint, c.NewTable)
	case diff.DropConstraint:
		return m.dropConstraint(c, c.Table, c.Constraint)
	case diff.ReplaceConstraint:
		return m.replaceConstraint(c)
	case diff.CreateView:
		return []Step{withReverse(myStep(Expand, rankView, c, "create view "+c.Object(), myCreateView(c.View), myLockView),
			fmt.Sprintf("DROP VIEW IF EXISTS %s;", myQuoteName(c.View.Name)))}
	case diff.ReplaceView:
		return []Step{myStep(Expand, rankView, c, "replace view "+c.Object(), myCreateView(c.To), myLockView)}
	case diff.DropView:
		return []Step{myStep(Contract, rankDropView, c, "drop view "+c.Object(),
			fmt.Sprintf("DROP VIEW IF EXISTS %s;", myQuoteName(c.View.Name)), myLockView)}
	case diff.SetComment:
		return m.comment(c)
	case diff.Unsupported, diff.ChangeEnumLabels,
		// MySQL has no schemas (namespaces), sequences or enum types: its
		// parser never produces these.
		diff.CreateNamespace, diff.DropNamespace, diff.CreateEnum, diff.AddEnumValue, diff.DropEnum,
		diff.RenameEnum, diff.RenameEnumValue, diff.CreateCompositeType, diff.DropCompositeType,
		diff.ReplaceCompositeType, diff.AddAttribute, diff.DropAttribute, diff.AlterAttributeType,
		diff.CreateRangeType, diff.DropRangeType, diff.ReplaceRangeType,
		diff.CreateCollation, diff.DropCollation, diff.ReplaceCollation,
		diff.CreateSequence, diff.AlterSequence, diff.DropSequence, diff.RenameSequence:
		return nil
	}
	panic(fmt.Sprintf("planner: no MySQL strategy for %T", c))
}

// finish emits one MODIFY COLUMN per changed column and phase.
func (m *mysql) finish() []Step {
	var steps []Step
	for _, k := range m.colOrder {
		cc := m.cols[k]
		mid := expandState(cc.from, cc.to)
		what := strings.Join(cc.what, ", ")
		if cc.expand && !sameColumnState(cc.from, mid) {
			a := columnAlg(m.d, cc.table, cc.from, mid).on(m.target)
			s := myStep(Expand, rankAlterColumn, cc.first, fmt.Sprintf("change column %s (%s)", cc.first.Object(), what),
				myIf("NOT "+myColumnIs(cc.table.Name, mid), myAlter(cc.table.Name, "MODIFY COLUMN "+columnDefinition(mid), a)), a.Lock())
			steps = append(steps, s)
		}
		if cc.contract || (cc.expand && !sameColumnState(mid, cc.to)) {
			a := columnAlg(m.d, cc.table, mid, cc.to).on(m.target)
			s := myStep(Contract, tighten(Contract, rankSetNotNull), cc.first, fmt.Sprintf("finish changing column %s (%s) now that the old version is retired", cc.first.Object(), what),
				myIf("NOT "+myColumnIs(cc.table.Name, cc.to), myAlter(cc.table.Name, "MODIFY COLUMN "+columnDefinition(cc.to), a)), a.Lock())
			steps = append(steps, s)
		}
	}
	return steps
}

// sameColumnState reports whether two definitions of a column need no
// MODIFY COLUMN between them (a default alone is changed by ALTER COLUMN
// ... SET DEFAULT).
func sameColumnState(a, b *schema.Column) bool {
	ax, bx := a.Extra(), b.Extra()
	return a.Type.Equal(*b.Type) && a.NotNull == b.NotNull && ax.Charset == bx.Charset && ax.Collation == bx.Collation &&
		ax.OnUpdate.Equal(bx.OnUpdate) && a.AutoIncrement == b.AutoIncrement && ax.Comment == bx.Comment &&
		ax.Generated.Equal(bx.Generated) && a.Virtual == b.Virtual
}

// column records a change to an existing column for finish.
func (m *mysql) column(c diff.Change, t *schema.Table, from, to *schema.Column, expand, contract bool, what string) {
	k := colKey{t.Name, to.Name}
	cc := m.cols[k]
	if cc == nil {
		if from == nil {
			from = oldColumn(m.d, t, to)
		}
		if from == nil {
			return
		}
		cc = &colChange{table: t, from: from, to: to, first: c}
		m.cols[k] = cc
		m.colOrder = append(m.colOrder, k)
	}
	cc.expand = cc.expand || expand
	cc.contract = cc.contract || contract
	cc.what = append(cc.what, what)
}

func modifiedAttributes(from, to *schema.Column) string {
	var what []string
	if from.Extra().Charset != to.Extra().Charset {
		what = append(what, "character set")
	}
	if !from.Extra().OnUpdate.Equal(to.Extra().OnUpdate) {
		what = append(what, "ON UPDATE")
	}
	if from.AutoIncrement != to.AutoIncrement {
		what = append(what, "AUTO_INCREMENT")
	}
	if len(what) == 0 {
		what = append(what, "attributes")
	}
	return strings.Join(what, ", ")
}

// noNulls fails the phase, loudly, while the column still holds NULLs:
// a NOT NULL change would fail on them anyway (strict mode), but only
// after a long rebuild.
func (m *mysql) noNulls(c diff.Change, t *schema.Table, col *schema.Column) Step {
	obj := t.Name.String() + "." + col.Name
	cond := fmt.Sprintf("%s > 0 AND EXISTS (SELECT 1 FROM %s WHERE %s IS NULL)",
		myCount(fmt.Sprintf("information_schema.columns WHERE table_schema = DATABASE() AND table_name = %s AND column_name = %s AND is_nullable = 'YES'",
			myQuoteLiteral(t.Name.Name), myQuoteLiteral(col.Name))),
		myQuoteName(t.Name), myQuoteIdent(col.Name))
	s := myStep(Contract, tighten(Contract, rankNotNullCheck), c, fmt.Sprintf("stop if %s still has NULLs (fill them, then run this file again)", obj),
		myFailIf(cond, "zdplan: NULLs left in "+obj), myLockRead)
	s.Object = obj
	return s
}

func (m *mysql) addColumn(c diff.AddColumn) []Step {
	if col := c.Column; col.Hint().Backfill != nil && col.NotNull && col.Default == nil && !col.AutoIncrement && col.Extra().Generated == nil {
		if len(col.Hint().BackfillColumns) > 0 || !myConstantDefault(col.Hint().Backfill) {
			return m.backfillColumn(c, c.Table, col, true)
		}
		// A constant: as a default it fills every existing row and the
		// rows the old version inserts, instantly; NOT NULL holds from
		// the start.
		tmp := *col
		tmp.Default = col.Hint().Backfill
		a := addColumnAlg(m.d, c.Table, &tmp).on(m.target)
		return []Step{
			withReverse(myStep(Expand, rankColumn, c, fmt.Sprintf("add column %s with the backfill value as a temporary default", c.Object()),
				myIf("NOT "+myColumnExists(c.Table.Name, col.Name), myAlter(c.Table.Name, "ADD COLUMN "+columnDefinition(&tmp), a)), a.Lock()),
				myDropColumn(c.Table.Name, col.Name, a)),
			myStep(Contract, rankDropConstraint, c, fmt.Sprintf("drop the temporary default of %s", c.Object()),
				myAlter(c.Table.Name, fmt.Sprintf("ALTER COLUMN %s DROP DEFAULT", myQuoteIdent(col.Name)), AlgInstant)+";", AlgInstant.Lock()),
		}
	}
	add, tightened := addedColumn(c.Column)
	a := addColumnAlg(m.d, c.Table, add).on(m.target)
	body := "ADD COLUMN " + columnDefinition(add)
	if pk, idx := autoIncrementKey(m.d, c.Table, add); pk != nil {
		body += ", ADD " + primaryKeyDefinition(pk)
	} else if idx != nil {
		body += ", ADD " + indexDefinition(idx)
	}
	steps := []Step{withReverse(myStep(Expand, rankColumn, c, "add column "+c.Object(),
		myIf("NOT "+myColumnExists(c.Table.Name, c.Column.Name), myAlter(c.Table.Name, body, a)), a.Lock()),
		myDropColumn(c.Table.Name, c.Column.Name, a))}
	if tightened {
		k := colKey{c.Table.Name, c.Column.Name}
		m.cols[k] = &colChange{table: c.Table, from: add, to: c.Column, first: c, contract: true, what: []string{"NOT NULL"}}
		m.colOrder = append(m.colOrder, k)
		steps = append(steps, m.noNulls(c, c.Table, c.Column))
	}
	return steps
}

// autoIncrementKey returns the key of DESIRED that an AUTO_INCREMENT column
// added to an existing table is created with: the server accepts such a
// column only as the first column of a key, in the same statement. It is
// the primary key when that starts with the column, else the first index
// that does; nil, nil when the column is no such column, or DESIRED gives
// it no key (the server then rejects the plan, as it rejects DESIRED). The
// key's own step is left out (keyAddedWithColumn).
func autoIncrementKey(d *diff.Diff, t *schema.Table, col *schema.Column) (*schema.Constraint, *schema.Index) {
	if !col.AutoIncrement || oldColumn(d, t, col) != nil || d.From.Table(t.Name) == nil {
		return nil, nil
	}
	if pk := t.PrimaryKey(); pk != nil && len(pk.Columns) > 0 && pk.Columns[0] == col.Name {
		return pk, nil
	}
	for _, i := range d.To.IndexesOn(t.Name) {
		if len(i.Keys) > 0 && i.Keys[0].Column == col.Name {
			return nil, i
		}
	}
	return nil, nil
}

// keyAddedWithColumn reports whether the primary key pk or the index idx
// of table t is created by the step that adds its first column
// (autoIncrementKey).
func keyAddedWithColumn(d *diff.Diff, t *schema.Table, pk *schema.Constraint, idx *schema.Index) bool {
	var first string
	switch {
	case pk != nil && len(pk.Columns) > 0:
		first = pk.Columns[0]
	case idx != nil && len(idx.Keys) > 0:
		first = idx.Keys[0].Column
	}
	col := t.Column(first)
	if col == nil {
		return false
	}
	gotPK, gotIdx := autoIncrementKey(d, t, col)
	return (pk != nil && gotPK == pk) || (idx != nil && gotIdx == idx)
}

// tableOptions changes the engine and default character set. String
// columns that inherit the table's character set are restated in the same
// statement, so that they are converted too — as DESIRED, where they
// inherit the new one, says.
func (m *mysql) tableOptions(c diff.AlterTableOptions) []Step {
	a := m.alg(c)
	var parts, conds []string
	if e, ok := c.To["engine"]; ok && e != c.From["engine"] {
		parts = append(parts, "ENGINE="+e)
		conds = append(conds, "engine <> "+myQuoteLiteral(e))
	}
	cs, csChanged := c.To["charset"]
	co, coChanged := c.To["collate"]
	csChanged = csChanged && cs != c.From["charset"]
	coChanged = coChanged && co != c.From["collate"]
	if csChanged || coChanged {
		spec := ""
		if cs != "" {
			spec += " CHARACTER SET " + cs
			conds = append(conds, "table_collation NOT LIKE "+myQuoteLiteral(cs+`\_%`))
		}
		if co != "" {
			spec += " COLLATE " + co
			conds = append(conds, "table_collation <> "+myQuoteLiteral(co))
		}
		parts = append(parts, "DEFAULT"+spec)
		if old := m.d.From.Table(c.Table.Name); old != nil {
			for _, col := range old.Columns {
				if col.Extra().Charset == "" && col.Extra().Collation == "" && isStringType(*col.Type) {
					parts = append(parts, "MODIFY COLUMN "+columnDefinition(col))
				}
			}
		}
	}
	if len(parts) == 0 {
		return nil
	}
	cond := fmt.Sprintf("%s > 0", myCount(fmt.Sprintf("information_schema.tables WHERE table_schema = DATABASE() AND table_name = %s AND (%s)",
		myQuoteLiteral(c.Table.Name.Name), strings.Join(conds, " OR "))))
	return []Step{myStep(Expand, rankTableOptions, c, "change table options of "+c.Object(),
		myIf(cond, myAlter(c.Table.Name, strings.Join(parts, ", "), a)), a.Lock())}
}

func isStringType(t schema.Type) bool {
	switch t.Name {
	case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set":
		return true
	}
	return false
}

func (m *mysql) comment(c diff.SetComment) []Step {
	old := m.d.From.Table(c.Name)
	if old == nil {
		return nil // written in CREATE TABLE
	}
	switch c.On {
	case "TABLE":
		a := m.alg(c)
		cond := fmt.Sprintf("%s > 0", myCount(fmt.Sprintf("information_schema.tables WHERE table_schema = DATABASE() AND table_name = %s AND table_comment <> %s",
			myQuoteLiteral(c.Name.Name), myQuoteLiteral(c.Comment))))
		return []Step{myStep(Expand, rankComment, c, "comment on table "+c.Object(),
			myIf(cond, myAlter(c.Name, "COMMENT = "+myQuoteLiteral(c.Comment), a)), a.Lock())}
	case "COLUMN":
		t := m.d.To.Table(c.Name)
		if t == nil || t.Column(c.Column) == nil || old.Column(c.Column) == nil {
			return nil // written in ADD COLUMN
		}
		m.column(c, t, nil, t.Column(c.Column), true, false, "comment")
	}
	// Views and schemas have no comments in MySQL.
	return nil
}

func (m *mysql) createTable(t *schema.Table) string {
	var lines []string
	for _, c := range t.Columns {
		lines = append(lines, "  "+columnDefinition(c))
	}
	if pk := t.PrimaryKey(); pk != nil {
		lines = append(lines, "  "+primaryKeyDefinition(pk))
	}
	// Indexes go in with the table: an AUTO_INCREMENT column must be
	// part of a key as soon as it exists.
	for _, i := range m.d.To.IndexesOn(t.Name) {
		lines = append(lines, "  "+indexDefinition(i))
	}
	for _, c := range t.Constraints {
		switch c.Kind {
		case schema.Check:
			lines = append(lines, fmt.Sprintf("  CONSTRAINT %s CHECK (%s)", myQuoteIdent(c.Name), c.Check.SQL))
		case schema.Unique:
			lines = append(lines, fmt.Sprintf("  CONSTRAINT %s UNIQUE (%s)", myQuoteIdent(c.Name), myQuotedList(c.Columns)))
		}
	}
	var opts []string
	if e := t.Options["engine"]; e != "" {
		opts = append(opts, "ENGINE="+e)
	}
	if cs := t.Options["charset"]; cs != "" {
		opts = append(opts, "DEFAULT CHARSET="+cs)
	}
	if co := t.Options["collate"]; co != "" {
		opts = append(opts, "COLLATE="+co)
	}
	if t.Comment != "" {
		opts = append(opts, "COMMENT="+myQuoteLiteral(t.Comment))
	}
	tail := ""
	if len(opts) > 0 {
		tail = " " + strings.Join(opts, " ")
	}
	return fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s (\n%s\n)%s;", myQuoteName(t.Name), strings.Join(lines, ",\n"), tail)
}

// columnDefinition is a column as CREATE TABLE, ADD COLUMN and MODIFY
// COLUMN take it. MODIFY COLUMN restates the whole column, so every
// attribute is written, even the ones that do not change.
func columnDefinition(c *schema.Column) string {
	var b strings.Builder
	b.WriteString(myQuoteIdent(c.Name) + " " + myTypeSQL(*c.Type))
	if c.Extra().Charset != "" {
		b.WriteString(" CHARACTER SET " + c.Extra().Charset)
	}
	if c.Extra().Collation != "" {
		b.WriteString(" COLLATE " + c.Extra().Collation)
	}
	if c.Extra().Generated != nil {
		kind := "STORED"
		if c.Virtual {
			kind = "VIRTUAL"
		}
		fmt.Fprintf(&b, " GENERATED ALWAYS AS (%s) %s", c.Extra().Generated.SQL, kind)
	}
	switch {
	case c.NotNull:
		b.WriteString(" NOT NULL")
	case c.Extra().Generated == nil:
		// MariaDB takes no NULL on a generated column.
		b.WriteString(" NULL")
	}
	if c.Default != nil && c.Extra().Generated == nil {
		b.WriteString(" DEFAULT " + myDefaultSQL(c.Default))
	}
	if c.Extra().OnUpdate != nil {
		b.WriteString(" ON UPDATE " + c.Extra().OnUpdate.SQL)
	}
	if c.AutoIncrement {
		b.WriteString(" AUTO_INCREMENT")
	}
	if c.Extra().Comment != "" {
		b.WriteString(" COMMENT " + myQuoteLiteral(c.Extra().Comment))
	}
	return b.String()
}

// myConstantRE matches defaults MySQL takes without parentheses: literals
// and CURRENT_TIMESTAMP (and its synonyms), with an optional precision.
var myConstantRE = regexp.MustCompile(`(?i)^(?:'(?:[^'\\]|''|\\.)*'|[-+]?[0-9][0-9.]*(?:e[-+]?[0-9]+)?|NULL|TRUE|FALSE|[bx]'[0-9a-f]*'|0x[0-9a-f]+|(?:CURRENT_TIMESTAMP|NOW|LOCALTIME|LOCALTIMESTAMP)(?:\s*\(\s*[0-9]*\s*\))?)$`)

// myConstantDefault reports whether a default is a literal or
// CURRENT_TIMESTAMP, which MySQL stores in the table definition; anything
// else is an expression default (MySQL 8.0.13+, MariaDB 10.2+), evaluated
// per row.
func myConstantDefault(e *schema.Expr) bool {
	return myConstantRE.MatchString(strings.TrimSpace(e.SQL))
}

// myDefaultSQL parenthesises an expression default, as MySQL requires.
func myDefaultSQL(e *schema.Expr) string {
	s := strings.TrimSpace(e.SQL)
	if myConstantDefault(e) || (strings.HasPrefix(s, "(") && strings.HasSuffix(s, ")") && balanced(s[1:len(s)-1])) {
		return s
	}
	return "(" + s + ")"
}

// balanced reports whether parentheses outside quotes balance, so that
// "(a) + (b)" is not taken for one parenthesised expression.
func balanced(s string) bool {
	depth := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == '\\' {
				i++
			} else if ch == quote {
				quote = 0
			}
		case ch == '\'' || ch == '"' || ch == '`':
			quote = ch
		case ch == '(':
			depth++
		case ch == ')':
			depth--
			if depth < 0 {
				return false
			}
		}
	}
	return depth == 0
}

func indexDefinition(i *schema.Index) string {
	kind := "INDEX"
	switch {
	case i.Method == "FULLTEXT" || i.Method == "SPATIAL":
		kind = i.Method + " INDEX"
	case i.Unique:
		kind = "UNIQUE INDEX"
	}
	var keys []string
	for _, k := range i.Keys {
		s := myQuoteIdent(k.Column)
		if k.Expr != nil {
			s = "(" + k.Expr.SQL + ")"
		}
		if k.Length > 0 {
			s += fmt.Sprintf("(%d)", k.Length)
		}
		if k.Desc {
			s += " DESC"
		}
		keys = append(keys, s)
	}
	return fmt.Sprintf("%s %s (%s)", kind, myQuoteIdent(i.Name.Name), strings.Join(keys, ", ")) + keyComment(i.Comment)
}

// primaryKeyDefinition is PRIMARY KEY as CREATE TABLE and ADD take it.
func primaryKeyDefinition(pk *schema.Constraint) string {
	return fmt.Sprintf("PRIMARY KEY (%s)", myQuotedList(pk.Columns)) + keyComment(pk.Comment)
}

func keyComment(c string) string {
	if c == "" {
		return ""
	}
	return " COMMENT " + myQuoteLiteral(c)
}

// writtenByOldVersion reports whether any of the columns exists in
// CURRENT, where the old application version writes it.
func (m *mysql) writtenByOldVersion(table schema.Name, cols []string) bool {
	old := m.d.From.Table(table)
	if old == nil {
		return false
	}
	for _, c := range cols {
		if old.Column(c) != nil {
			return true
		}
	}
	return false
}

func myIndexColumns(i *schema.Index) []string {
	var cols []string
	for _, k := range i.Keys {
		if k.Column != "" {
			cols = append(cols, k.Column)
		} else {
			cols = append(cols, "?expr") // an expression reads existing columns
		}
	}
	return cols
}

func (m *mysql) addIndex(c diff.Change, i *schema.Index) []Step {
	ph, summary := Expand, "build index "+i.Name.Name+" on "+i.Table.String()
	if i.Unique && m.writtenByOldVersion(i.Table, myIndexColumns(i)) {
		// The old version could insert duplicates and fail once it exists.
		ph, summary = Contract, summary+" (unique: the old version writes its columns)"
	}
	if i.Method == "SPATIAL" && m.notNullOnlyInContract(i) {
		// A SPATIAL index needs NOT NULL columns, which this plan makes
		// NOT NULL only once the old version is retired.
		ph, summary = Contract, summary+" (SPATIAL: after its columns become NOT NULL)"
	}
	a := indexAlg(m.d.To.Table(i.Table), i).on(m.target)
	s := myStep(ph, tighten(ph, rankIndex), c, summary,
		myIf("NOT "+myIndexExists(i.Table, i.Name.Name), myAlter(i.Table, "ADD "+indexDefinition(i), a)), a.Lock())
	if ph == Expand {
		// Dropping an index takes the same online path as building it.
		s.Reverse = myIf(myIndexExists(i.Table, i.Name.Name), myAlter(i.Table, "DROP INDEX "+myQuoteIdent(i.Name.Name), a))
	}
	return []Step{s}
}

// myDropColumn undoes an added column. Dropping a column takes the path
// adding it took (INSTANT, or INPLACE beside a FULLTEXT index).
func myDropColumn(table schema.Name, col string, a Algorithm) string {
	return myIf(myColumnExists(table, col), myAlter(table, "DROP COLUMN "+myQuoteIdent(col), a))
}

// notNullOnlyInContract reports whether a column of the index is NOT NULL
// in DESIRED but nullable in CURRENT or new to it, so that the plan
// tightens it in contract.
func (m *mysql) notNullOnlyInContract(i *schema.Index) bool {
	nt, old := m.d.To.Table(i.Table), m.d.From.Table(i.Table)
	if nt == nil || old == nil {
		return false
	}
	for _, k := range i.Keys {
		col := nt.Column(k.Column)
		if col == nil || !col.NotNull {
			continue
		}
		if oc := old.Column(k.Column); oc == nil && col.Default == nil || oc != nil && !oc.NotNull {
			return true
		}
	}
	return false
}

// replaceIndex builds the new definition under a temporary name, then
// drops the old index and renames the new one in one statement, so that
// queries always have one.
func (m *mysql) replaceIndex(c diff.ReplaceIndex) []Step {
	tmp := *c.To
	tmp.Name.Name = myTempName(c.To.Name.Name, "_zdnew")
	ph := Expand
	if c.To.Unique && m.writtenByOldVersion(c.To.Table, myIndexColumns(c.To)) {
		ph = Contract
	}
	a := indexAlg(m.d.To.Table(c.To.Table), c.To).on(m.target)
	build := myStep(ph, tighten(ph, rankIndex), c, fmt.Sprintf("build the new definition of %s as %s", c.To.Name.Name, tmp.Name.Name),
		myIf(fmt.Sprintf("NOT %s AND NOT %s", myIndexExists(c.To.Table, tmp.Name.Name), myIndexIs(c.To)), myAlter(c.To.Table, "ADD "+indexDefinition(&tmp), a)), a.Lock())
	swapRank := tighten(ph, rankDropIndex)
	if m.backsReplacedForeignKey(c.From) {
		// InnoDB will not drop the index a foreign key uses: the swap
		// waits until the plan has replaced that foreign key, which then
		// uses the new definition.
		swapRank = tighten(Contract, rankValidate)
	}
	swap := myStep(Contract, swapRank, c, fmt.Sprintf("swap %s for its new definition", c.To.Name.Name),
		myIf(myIndexExists(c.To.Table, tmp.Name.Name), myAlter(c.To.Table, fmt.Sprintf("DROP INDEX %s, RENAME INDEX %s TO %s",
			myQuoteIdent(c.To.Name.Name), myQuoteIdent(tmp.Name.Name), myQuoteIdent(c.To.Name.Name)), AlgInplace)), AlgInplace.Lock())
	return []Step{build, swap}
}

// backsReplacedForeignKey reports whether a foreign key of CURRENT that
// the plan replaces or drops may be using the index: its columns start the
// index's.
func (m *mysql) backsReplacedForeignKey(i *schema.Index) bool {
	old := m.d.From.Table(i.Table)
	if old == nil {
		return false
	}
	cols := myIndexColumns(i)
	nt := m.d.To.Table(i.Table)
	for _, con := range old.Constraints {
		if con.Kind != schema.ForeignKey || len(con.Columns) > len(cols) || !slices.Equal(con.Columns, cols[:len(con.Columns)]) {
			continue
		}
		if nt == nil || nt.Constraint(con.Name) == nil || !nt.Constraint(con.Name).Equal(con) {
			return true
		}
	}
	return false
}

// myTempName appends a suffix, shortening the name to MySQL's 64
// characters.
func myTempName(name, suffix string) string {
	if r := []rune(name); len(r)+len(suffix) > 64 {
		name = string(r[:64-len(suffix)])
	}
	return name + suffix
}

// referencedKeyPhase returns the phase from which the key a foreign key
// references exists: Expand when CURRENT has it already (the primary key
// or a unique index on those columns, unchanged), Contract when the plan
// creates it on columns the old version writes.
func (m *mysql) referencedKeyPhase(fk *schema.Constraint) Phase {
	old := m.d.From.Table(fk.Ref.Table)
	if old == nil {
		return Expand
	}
	if pk := old.PrimaryKey(); pk != nil && slices.Equal(pk.Columns, fk.Ref.Columns) {
		if nt := m.d.To.Table(fk.Ref.Table); nt != nil && nt.PrimaryKey() != nil && nt.PrimaryKey().Equal(pk) {
			return Expand
		}
	}
	for _, i := range m.d.From.IndexesOn(fk.Ref.Table) {
		if !i.Unique || !slices.Equal(myIndexColumns(i), fk.Ref.Columns) {
			continue
		}
		if ni := m.d.To.Index(i.Table, i.Name.Name); ni != nil && ni.Equal(i) {
			return Expand
		}
	}
	if m.writtenByOldVersion(fk.Ref.Table, fk.Ref.Columns) {
		return Contract
	}
	return Expand
}

func (m *mysql) addConstraint(c diff.Change, t *schema.Table, con *schema.Constraint, newTable bool) []Step {
	if newTable {
		if con.Kind != schema.ForeignKey {
			return nil // created with the table
		}
		// The table is empty: nothing to validate.
		return []Step{withReverse(myStep(Expand, rankForeignKeyNewTable, c, fmt.Sprintf("add FOREIGN KEY %s to new table %s", con.Name, t.Name),
			addForeignKey(t.Name, con, myConstraintExists(t.Name, con.Name, "FOREIGN KEY")), AlgInplace.Lock()),
			myIf(myConstraintExists(t.Name, con.Name, "FOREIGN KEY"), myAlter(t.Name, "DROP FOREIGN KEY "+myQuoteIdent(con.Name), AlgInplace)))}
	}
	// A constraint on columns the old version writes could reject its
	// writes: it is enforced only once that version is retired.
	phase, validatePhase := Expand, Backfill
	why := "only new columns, which the old version does not write"
	switch {
	case m.writtenByOldVersion(t.Name, con.Columns) || (con.Kind == schema.Check && m.checkReadsOldColumns(t, con)):
		phase, validatePhase = Contract, Contract
		why = "the old version writes these columns"
	case con.Kind == schema.ForeignKey && m.referencedKeyPhase(con) == Contract:
		phase, validatePhase = Contract, Contract
		why = "the key it references is created in contract"
	}
	a := addConstraintAlg(m.d, t, con).on(m.target)
	switch con.Kind {
	case schema.PrimaryKey:
		if keyAddedWithColumn(m.d, t, con, nil) {
			return nil // created with its AUTO_INCREMENT column
		}
		return []Step{myStep(phase, tighten(phase, rankUsingIndex), c, fmt.Sprintf("add PRIMARY KEY to %s (%s)", t.Name, why),
			myIf("NOT "+myConstraintExists(t.Name, "PRIMARY", "PRIMARY KEY"), myAlter(t.Name, "ADD "+primaryKeyDefinition(con), a)), a.Lock())}
	case schema.Unique:
		idx := &schema.Index{Name: schema.Name{Name: con.Name}, Table: t.Name, Unique: true}
		for _, col := range con.Columns {
			idx.Keys = append(idx.Keys, schema.IndexKey{Column: col})
		}
		return m.addIndex(c, idx)
	case schema.ForeignKey:
		return []Step{
			myStep(phase, tighten(phase, rankNotValid), c, fmt.Sprintf("add FOREIGN KEY %s without checking existing rows (%s)", con.Name, why),
				addForeignKey(t.Name, con, myConstraintExists(t.Name, con.Name, "FOREIGN KEY"))+m.restoreIndexName(t.Name, con), a.Lock()),
			m.validateForeignKey(c, validatePhase, t.Name, con),
		}
	}
	return []Step{myStep(phase, tighten(phase, rankNotValid), c, fmt.Sprintf("add CHECK %s (%s)", con.Name, why),
		myIf("NOT "+myConstraintExists(t.Name, con.Name, "CHECK"), myAlter(t.Name, fmt.Sprintf("ADD CONSTRAINT %s CHECK (%s)", myQuoteIdent(con.Name), con.Check.SQL), a)), a.Lock())}
}

// checkReadsOldColumns reports whether a CHECK expression names a column
// of CURRENT (conservatively, by its name appearing in the expression).
func (m *mysql) checkReadsOldColumns(t *schema.Table, con *schema.Constraint) bool {
	old := m.d.From.Table(t.Name)
	if old == nil || con.Check == nil {
		return false
	}
	expr := strings.ToLower(con.Check.SQL)
	for _, c := range old.Columns {
		if strings.Contains(expr, strings.ToLower(c.Name)) {
			return true
		}
	}
	return false
}

// addForeignKey adds a foreign key in place. InnoDB can do that only
// with foreign_key_checks off — otherwise it copies the table to check
// every row under a write-blocking lock — so existing rows are checked by
// a separate query (validateForeignKey). The setting is restored after;
// if the ALTER fails, the mysql client stops and the session ends.
func addForeignKey(table schema.Name, con *schema.Constraint, exists string) string {
	return "SET SESSION foreign_key_checks = 0;\n" +
		myIf("NOT "+exists, myAlter(table, "ADD "+foreignKeyDefinition(con), AlgInplace)) +
		"\nSET SESSION foreign_key_checks = 1;"
}

// restoreIndexName renames the index MariaDB makes for a foreign key added
// to an existing table. The server names it after the constraint, even
// when it replaces an index it had generated for an earlier foreign key,
// while DESIRED, created in one piece, names it after its first column
// when the foreign key is unnamed: the rename gives it DESIRED's name. It
// returns "" when DESIRED has an index of the constraint's name, or none
// on exactly its columns.
func (m *mysql) restoreIndexName(table schema.Name, con *schema.Constraint) string {
	if m.d.To.Index(table, con.Name) != nil {
		return ""
	}
	// Only an index the server generated for a foreign key of CURRENT is
	// replaced; one the schema declares is reused as it is.
	old := m.d.From.Table(table)
	if old == nil || !slices.ContainsFunc(old.Constraints, func(o *schema.Constraint) bool {
		return o.Kind == schema.ForeignKey && slices.Equal(o.Columns, con.Columns)
	}) {
		return ""
	}
	for _, i := range m.d.To.IndexesOn(table) {
		if i.Unique || i.Method != "" && i.Method != "BTREE" || !slices.Equal(myIndexColumns(i), con.Columns) {
			continue
		}
		return "\n" + myIf(myIndexExists(table, con.Name)+" AND NOT "+myIndexExists(table, i.Name.Name),
			myAlter(table, fmt.Sprintf("RENAME INDEX %s TO %s", myQuoteIdent(con.Name), myQuoteIdent(i.Name.Name)), AlgInplace))
	}
	return ""
}

func foreignKeyDefinition(con *schema.Constraint) string {
	s := fmt.Sprintf("CONSTRAINT %s FOREIGN KEY (%s) REFERENCES %s (%s)",
		myQuoteIdent(con.Name), myQuotedList(con.Columns), myQuoteName(con.Ref.Table), myQuotedList(con.Ref.Columns))
	if con.Ref.OnDelete != "" && con.Ref.OnDelete != "NO ACTION" {
		s += " ON DELETE " + con.Ref.OnDelete
	}
	if con.Ref.OnUpdate != "" && con.Ref.OnUpdate != "NO ACTION" {
		s += " ON UPDATE " + con.Ref.OnUpdate
	}
	return s
}

// validateForeignKey stops the phase, loudly, while rows violate a
// foreign key added without checking them.
func (m *mysql) validateForeignKey(c diff.Change, ph Phase, table schema.Name, con *schema.Constraint) Step {
	var notNull, join []string
	for i, col := range con.Columns {
		notNull = append(notNull, fmt.Sprintf("c.%s IS NOT NULL", myQuoteIdent(col)))
		join = append(join, fmt.Sprintf("p.%s = c.%s", myQuoteIdent(con.Ref.Columns[i]), myQuoteIdent(col)))
	}
	cond := fmt.Sprintf("EXISTS (SELECT 1 FROM %s c WHERE %s AND NOT EXISTS (SELECT 1 FROM %s p WHERE %s))",
		myQuoteName(table), strings.Join(notNull, " AND "), myQuoteName(con.Ref.Table), strings.Join(join, " AND "))
	return myStep(ph, tighten(ph, rankValidate), c, fmt.Sprintf("check existing rows against FOREIGN KEY %s; stops if any row violates it", con.Name),
		myFailIf(cond, "zdplan: rows violate FOREIGN KEY "+con.Name), myLockRead)
}

func (m *mysql) dropConstraint(c diff.Change, t *schema.Table, con *schema.Constraint) []Step {
	// Dropping a CHECK, or a foreign key without actions, only loosens:
	// the old version cannot notice, and the new one may need it gone.
	loosening := con.Kind == schema.Check ||
		(con.Kind == schema.ForeignKey && isPlainAction(con.Ref.OnDelete) && isPlainAction(con.Ref.OnUpdate))
	ph, rank, why := Contract, rankDropConstraint, ""
	if loosening {
		ph, rank, why = Expand, rankLoosen, " (loosening: safe for the old version)"
	}
	a := dropConstraintAlg(con).on(m.target)
	var body, exists string
	switch con.Kind {
	case schema.PrimaryKey:
		body, exists = "DROP PRIMARY KEY", myConstraintExists(t.Name, "PRIMARY", "PRIMARY KEY")
		// An AUTO_INCREMENT column must stay the first column of a key:
		// it goes, or loses AUTO_INCREMENT, in the same statement. Its
		// own step then finds nothing left to do.
		old, nt := m.d.From.Table(t.Name), m.d.To.Table(t.Name)
		if old != nil && nt != nil {
			for _, name := range con.Columns {
				col := old.Column(name)
				if col == nil || !col.AutoIncrement {
					continue
				}
				switch to := nt.Column(name); {
				case to == nil:
					body += ", DROP COLUMN " + myQuoteIdent(name)
				case !to.AutoIncrement:
					plain := *col
					plain.AutoIncrement = false
					body = "MODIFY COLUMN " + columnDefinition(&plain) + ", " + body
				}
			}
		}
	case schema.ForeignKey:
		body, exists = "DROP FOREIGN KEY "+myQuoteIdent(con.Name), myConstraintExists(t.Name, con.Name, "FOREIGN KEY")
	case schema.Unique:
		body, exists = "DROP INDEX "+myQuoteIdent(con.Name), myIndexExists(t.Name, con.Name)
	default:
		// MariaDB names a column-level CHECK after its column and cannot
		// drop it by that name: restating the column without it drops
		// it (instantly).
		if col := oldColumn(m.d, t, &schema.Column{Name: con.Name}); col != nil && m.target != TargetMySQL {
			return []Step{myStep(ph, rank, c, fmt.Sprintf("drop the CHECK of column %s%s", con.Name, why),
				myIf(myConstraintExists(t.Name, con.Name, "CHECK"), myAlter(t.Name, "MODIFY COLUMN "+columnDefinition(col), AlgInstant)), AlgInstant.Lock())}
		}
		// MySQL 8.0.19+ and MariaDB both take DROP CONSTRAINT; MySQL's
		// own DROP CHECK only when targeting MySQL alone.
		body = "DROP CONSTRAINT " + myQuoteIdent(con.Name)
		if m.target == TargetMySQL {
			body = "DROP CHECK " + myQuoteIdent(con.Name)
		}
		exists = myConstraintExists(t.Name, con.Name, "CHECK")
	}
	return []Step{myStep(ph, rank, c, fmt.Sprintf("drop %s %s%s", con.Kind, con.Name, why),
		myIf(exists, myAlter(t.Name, body, a)), a.Lock())}
}

func (m *mysql) replaceConstraint(c diff.ReplaceConstraint) []Step {
	t, from, to := c.Table, c.From, c.To
	switch {
	case from.Kind == schema.PrimaryKey && to.Kind == schema.PrimaryKey:
		// One statement: the table always has a primary key.
		ph := Expand
		if m.writtenByOldVersion(t.Name, to.Columns) {
			ph = Contract
		}
		a := m.alg(c)
		cond := fmt.Sprintf("NOT (SELECT GROUP_CONCAT(column_name ORDER BY seq_in_index SEPARATOR ',') FROM information_schema.statistics"+
			" WHERE table_schema = DATABASE() AND table_name = %s AND index_name = 'PRIMARY' AND index_comment = %s) <=> %s",
			myQuoteLiteral(t.Name.Name), myQuoteLiteral(to.Comment), myQuoteLiteral(strings.Join(to.Columns, ",")))
		return []Step{myStep(ph, tighten(ph, rankUsingIndex), c, fmt.Sprintf("change the PRIMARY KEY of %s to (%s)", t.Name, strings.Join(to.Columns, ", ")),
			myIf(cond, myAlter(t.Name, "DROP PRIMARY KEY, ADD "+primaryKeyDefinition(to), a)), a.Lock())}
	case from.Kind == schema.ForeignKey && to.Kind == schema.ForeignKey:
		// Dropped while the old definition is in place, then added: InnoDB
		// refuses to drop and add a foreign key of the same name in one
		// statement (errno 121).
		steps := m.addConstraint(c, t, to, false)
		old := fmt.Sprintf("%s AND NOT %s", myConstraintExists(t.Name, to.Name, "FOREIGN KEY"), myForeignKeyIs(t.Name, to))
		steps[0].SQL = "SET SESSION foreign_key_checks = 0;\n" +
			myIf(old, myAlter(t.Name, fmt.Sprintf("DROP FOREIGN KEY %s", myQuoteIdent(from.Name)), AlgInplace)) + "\n" +
			myIf("NOT "+myConstraintExists(t.Name, to.Name, "FOREIGN KEY"), myAlter(t.Name, "ADD "+foreignKeyDefinition(to), AlgInplace)) +
			"\nSET SESSION foreign_key_checks = 1;" + m.restoreIndexName(t.Name, to)
		steps[0].Summary = fmt.Sprintf("replace FOREIGN KEY %s without checking existing rows", to.Name)
		return steps
	case from.Kind == schema.Check && to.Kind == schema.Check:
		// Dropped in expand (loosening), the new one added once the old
		// version is retired.
		steps := m.dropConstraint(c, t, from)
		for _, s := range m.addConstraint(c, t, to, false) {
			s.Phase, s.rank = Contract, tighten(Contract, s.rank%tightenOffset)
			steps = append(steps, s)
		}
		return steps
	}
	return append(m.dropConstraint(c, t, from), m.addConstraint(c, t, to, false)...)
}

// foreignKeyIs is an information_schema condition: the foreign key has
// this definition (RESTRICT and NO ACTION are the same in InnoDB).
func myForeignKeyIs(table schema.Name, con *schema.Constraint) string {
	rule := func(r string) string {
		if r == "" || isPlainAction(r) {
			return "IN ('RESTRICT', 'NO ACTION')"
		}
		return "= " + myQuoteLiteral(r)
	}
	var pairs []string
	for i, c := range con.Columns {
		pairs = append(pairs, c+"="+con.Ref.Columns[i])
	}
	// Parenthesised as a whole, since callers negate it.
	return fmt.Sprintf("((SELECT COUNT(*) FROM information_schema.referential_constraints WHERE constraint_schema = DATABASE() AND table_name = %s"+
		" AND constraint_name = %s AND referenced_table_name = %s AND update_rule %s AND delete_rule %s) > 0"+
		" AND (SELECT GROUP_CONCAT(column_name, '=', referenced_column_name ORDER BY ordinal_position SEPARATOR ',') FROM information_schema.key_column_usage"+
		" WHERE table_schema = DATABASE() AND table_name = %s AND constraint_name = %s AND referenced_table_name IS NOT NULL) = %s)",
		myQuoteLiteral(table.Name), myQuoteLiteral(con.Name), myQuoteLiteral(con.Ref.Table.Name), rule(con.Ref.OnUpdate), rule(con.Ref.OnDelete),
		myQuoteLiteral(table.Name), myQuoteLiteral(con.Name), myQuoteLiteral(strings.Join(pairs, ",")))
}

func myCreateView(v *schema.View) string {
	var b strings.Builder
	b.WriteString("CREATE OR REPLACE ")
	if v.Security != "" {
		b.WriteString("SQL SECURITY " + v.Security + " ")
	}
	b.WriteString("VIEW " + myQuoteName(v.Name))
	if len(v.Columns) > 0 {
		fmt.Fprintf(&b, " (%s)", myQuotedList(v.Columns))
	}
	fmt.Fprintf(&b, " AS %s", v.Query.SQL)
	if v.CheckOption != "" {
		fmt.Fprintf(&b, " WITH %s CHECK OPTION", v.CheckOption)
	}
	b.WriteString(";")
	return b.String()
}

// myIf runs a statement only when an information_schema condition holds.
// MySQL 8 has no IF [NOT] EXISTS for columns, indexes or constraints (and
// no compound statements outside stored programs), so the statement is
// chosen by the condition and run as a prepared statement; 'DO 0' does
// nothing and prints nothing.
func myIf(cond, stmt string) string {
	return fmt.Sprintf("SET @zdplan_sql = IF(%s,\n  %s,\n  'DO 0');\nPREPARE zdplan_stmt FROM @zdplan_sql;\nEXECUTE zdplan_stmt;\nDEALLOCATE PREPARE zdplan_stmt;",
		cond, myQuoteLiteral(stmt))
}

// myFailIf stops the file with an error naming the problem when cond
// holds. SIGNAL cannot run outside a stored program on MySQL, so the
// error is a SELECT of a column named after the problem ("Unknown column
// 'zdplan: ...'"), which works on both servers.
func myFailIf(cond, message string) string {
	if r := []rune(message); len(r) > 64 {
		message = string(r[:64])
	}
	return myIf(cond, "SELECT "+myQuoteIdent(message))
}

func myCount(from string) string { return "(SELECT COUNT(*) FROM " + from + ")" }

func myColumnExists(t schema.Name, col string) string {
	return fmt.Sprintf("%s > 0", myCount(fmt.Sprintf("information_schema.columns WHERE table_schema = DATABASE() AND table_name = %s AND column_name = %s",
		myQuoteLiteral(t.Name), myQuoteLiteral(col))))
}

func myIndexExists(t schema.Name, name string) string {
	return fmt.Sprintf("%s > 0", myCount(fmt.Sprintf("information_schema.statistics WHERE table_schema = DATABASE() AND table_name = %s AND index_name = %s",
		myQuoteLiteral(t.Name), myQuoteLiteral(name))))
}

func myConstraintExists(t schema.Name, name, kind string) string {
	return fmt.Sprintf("%s > 0", myCount(fmt.Sprintf("information_schema.table_constraints WHERE constraint_schema = DATABASE() AND table_name = %s AND constraint_name = %s AND constraint_type = %s",
		myQuoteLiteral(t.Name), myQuoteLiteral(name), myQuoteLiteral(kind))))
}

// indexIs is an information_schema condition: the index has these key
// columns and prefix lengths, and this uniqueness.
func myIndexIs(i *schema.Index) string {
	var keys []string
	for _, k := range i.Keys {
		l := ""
		if k.Length > 0 {
			l = strconv.Itoa(k.Length)
		}
		keys = append(keys, k.Column+":"+l)
	}
	nonUnique := 1
	if i.Unique {
		nonUnique = 0
	}
	return fmt.Sprintf("(SELECT GROUP_CONCAT(IFNULL(column_name, ''), ':', IFNULL(sub_part, '') ORDER BY seq_in_index SEPARATOR ',') FROM information_schema.statistics"+
		" WHERE table_schema = DATABASE() AND table_name = %s AND index_name = %s AND non_unique = %d AND index_comment = %s) <=> %s",
		myQuoteLiteral(i.Table.Name), myQuoteLiteral(i.Name.Name), nonUnique, myQuoteLiteral(i.Comment), myQuoteLiteral(strings.Join(keys, ",")))
}

// columnIs is an information_schema condition: the column has this
// definition — type, nullability, character set and collation when
// given, AUTO_INCREMENT, ON UPDATE and comment. Defaults are left out:
// servers spell them differently, and they are set by ALTER COLUMN, which
// is idempotent.
func myColumnIs(t schema.Name, c *schema.Column) string {
	var types []string
	for _, s := range columnTypeSpellings(*c.Type) {
		types = append(types, myQuoteLiteral(s))
	}
	conds := []string{
		"table_schema = DATABASE()",
		"table_name = " + myQuoteLiteral(t.Name),
		"column_name = " + myQuoteLiteral(c.Name),
		fmt.Sprintf("column_type IN (%s)", strings.Join(types, ", ")),
		fmt.Sprintf("is_nullable = '%s'", map[bool]string{true: "NO", false: "YES"}[c.NotNull]),
		"column_comment = " + myQuoteLiteral(c.Extra().Comment),
	}
	if c.Extra().Charset != "" {
		conds = append(conds, "character_set_name = "+myQuoteLiteral(c.Extra().Charset))
	}
	switch {
	case c.Extra().Collation != "":
		conds = append(conds, "collation_name = "+myQuoteLiteral(c.Extra().Collation))
	case c.Extra().Charset == "" && isStringType(*c.Type):
		// Neither given: the table's default, whatever it is.
		conds = append(conds, "collation_name = (SELECT table_collation FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = "+
			myQuoteLiteral(t.Name)+")")
	}
	not := func(b bool) string {
		if b {
			return ""
		}
		return "NOT "
	}
	conds = append(conds, fmt.Sprintf("extra %sLIKE '%%auto_increment%%'", not(c.AutoIncrement)), fmt.Sprintf("extra %sLIKE '%%on update%%'", not(c.Extra().OnUpdate != nil)))
	return fmt.Sprintf("%s > 0", myCount("information_schema.columns WHERE "+strings.Join(conds, " AND ")))
}

// intWidths are the display widths MariaDB (and MySQL before 8.0.19)
// report in column_type for integer types: signed, unsigned.
var intWidths = map[string][2]int{"tinyint": {4, 3}, "smallint": {6, 5}, "mediumint": {9, 8}, "int": {11, 10}, "bigint": {20, 20}}

// columnTypeSpellings are the ways information_schema.columns.column_type
// may spell a type on MySQL 8 and MariaDB.
func columnTypeSpellings(t schema.Type) []string {
	out := []string{myTypeSQL(t)}
	attrs := ""
	if t.Unsigned || t.Zerofill {
		attrs = " unsigned"
	}
	if t.Zerofill {
		attrs += " zerofill"
	}
	if w, ok := intWidths[t.Name]; ok && len(t.Mods) == 0 {
		width := w[0]
		if t.Unsigned || t.Zerofill {
			width = w[1]
		}
		out = append(out, fmt.Sprintf("%s(%d)%s", t.Name, width, attrs))
	}
	switch {
	case t.Name == "json":
		out = append(out, "longtext") // MariaDB: an alias of LONGTEXT
	case t.Name == "year" && len(t.Mods) == 0:
		out = append(out, "year(4)")
	case (t.Name == "decimal" || t.Name == "numeric") && len(t.Mods) < 2:
		p := "10"
		if len(t.Mods) == 1 {
			p = t.Mods[0]
		}
		out = append(out, fmt.Sprintf("decimal(%s,0)%s", p, attrs))
	case (t.Name == "char" || t.Name == "binary" || t.Name == "bit") && len(t.Mods) == 0:
		out = append(out, t.Name+"(1)")
	}
	return out
}

// myQuoteName quotes a table name; MySQL names have no schema part here
// (the database is the one the file runs in).
// The MySQL parser's quoting and type spelling, under short names.
var (
	myQuoteIdent   = myq.QuoteIdent
	myQuoteLiteral = myq.QuoteLiteral
	myTypeSQL      = myq.TypeSQL
)

func myQuoteName(n schema.Name) string {
	if n.Schema != "" {
		return myQuoteIdent(n.Schema) + "." + myQuoteIdent(n.Name)
	}
	return myQuoteIdent(n.Name)
}

func myQuotedList(names []string) string {
	var q []string
	for _, n := range names {
		q = append(q, myQuoteIdent(n))
	}
	return strings.Join(q, ", ")
}
