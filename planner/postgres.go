package planner

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/zdplan/zdplan/diff"
	pgq "github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// Lock descriptions, in PostgreSQL's lock mode names.
const (
	lockAccessExclusiveBrief = "ACCESS EXCLUSIVE (brief, catalog only)"
	lockAccessExclusiveScan  = "ACCESS EXCLUSIVE (for a full table rewrite)"
	lockShareUpdateExclusive = "SHARE UPDATE EXCLUSIVE (reads and writes continue)"
	lockShareRowExclusive    = "SHARE ROW EXCLUSIVE on both tables (brief)"
	lockNone                 = "none on existing tables"
)

// Ranks order steps within a phase; equal ranks keep diff order. In
// contract, steps that add or tighten come after every drop (see
// tighten), so that a constraint or index changed under the same name is
// dropped before it is added again.
const (
	rankNamespace = 10 + iota*10
	rankExtension
	// Renames come first: every later step uses the new names.
	rankRename
	// Types, domains, collations and functions share a rank: they use
	// each other in every direction (a domain's check calls a function
	// whose argument is an enum), so their steps are ordered by their
	// dependencies (see orderByDeps), not by kind.
	rankType
	rankSequence
	rankTable
	rankColumn
	// Sync triggers follow the columns they fill, and come before any
	// check that relies on them.
	rankSyncTrigger
	rankSequenceOwner
	rankAlterColumn
	rankLoosen
	rankForeignKeyNewTable
	// NOT NULL comes before PRIMARY KEY ... USING INDEX, which would
	// otherwise scan the table under ACCESS EXCLUSIVE to set it.
	rankNotNullCheck
	// Backfills come before the validations that need their rows.
	rankBackfill
	rankNotNullValidate
	rankSetNotNull
	rankNotNullDone
	// An identity is added to a column once it is NOT NULL.
	rankIdentity
	rankIndex
	// UNIQUE and PRIMARY KEY come before foreign keys, which may
	// reference them.
	rankUniqueIndex
	rankUsingIndex
	// REPLICA IDENTITY USING INDEX needs its index.
	rankReplicaIdentity
	rankNotValid
	rankView
	// Indexes of materialized views created or rebuilt by the plan.
	rankViewIndex
	// Functions whose signature needs a table or view (RETURNS SETOF a
	// table's row type) come after them.
	rankLateFunction
	rankTrigger
	rankPolicy
	// Row-level security is enabled once the table's policies exist, or
	// the application would see no rows in between.
	rankRowSecurity
	rankComment
	rankGrant
	rankValidate
	rankRevoke
	// Sync triggers go first in contract: they read old columns.
	rankDropTrigger
	rankDropPolicy
	rankDropView
	rankDropConstraint
	rankDropIndex
	// Tables before columns: a dropped table may have a foreign key on a
	// column that is dropped too.
	rankDropTable
	rankDropColumn
	// A shadow column takes its column's name once the old one is gone.
	rankSwapColumn
	rankDropSequence
	// Like rankType, ordered by dependencies: dependents first.
	rankDropType
	rankDropExtension
	rankDropNamespace
)

// tightenOffset moves a contract step that adds or tightens after every
// drop of that phase.
const tightenOffset = 1000

func tighten(ph Phase, rank int) int {
	if ph == Contract {
		return rank + tightenOffset
	}
	return rank
}

type postgres struct {
	d    *diff.Diff
	opts Options
	// views collects every replaced view, so they are rebuilt in one
	// transaction: a view cannot be dropped while another reads it.
	views []diff.ReplaceView
	// viewACL are the grants and revokes of the views rebuilt in finish,
	// run in the rebuild's transaction (see postgres_privileges.go).
	viewACL []string
}

func newPostgres(d *diff.Diff, opts Options) *postgres { return &postgres{d: d, opts: opts} }

var (
	qi  = pgq.QuoteIdent
	qn  = pgq.QuoteName
	lit = pgq.QuoteLiteral
)

// withReverse sets the statement that undoes an expand step.
func withReverse(s Step, reverse string) Step {
	s.Reverse = reverse
	return s
}

func dropColumnSQL(table schema.Name, col string) string {
	return fmt.Sprintf("ALTER TABLE IF EXISTS %s DROP COLUMN IF EXISTS %s;", qn(table), qi(col))
}

func step(ph Phase, rank int, c diff.Change, summary, sql, lock string) Step {
	return Step{
		Phase: ph, rank: rank, Change: c.Kind(), Object: c.Object(),
		Summary: summary, SQL: sql, Lock: lock, Transactional: true, Rerunnable: true,
	}
}

func (p *postgres) steps(c diff.Change) []Step {
	if steps, ok := p.securitySteps(c); ok {
		return steps
	}
	if steps, ok := p.partitionSteps(c); ok {
		return steps
	}
	if steps, ok := p.storageSteps(c); ok {
		return steps
	}
	switch c := c.(type) {
	case diff.CreateNamespace:
		return []Step{withReverse(step(Expand, rankNamespace, c, "create schema "+c.Namespace.Name,
			fmt.Sprintf("CREATE SCHEMA IF NOT EXISTS %s;", qi(c.Namespace.Name)), lockNone),
			fmt.Sprintf("DROP SCHEMA IF EXISTS %s;", qi(c.Namespace.Name)))}
	case diff.DropNamespace:
		return []Step{step(Contract, rankDropNamespace, c, "drop schema "+c.Namespace.Name,
			fmt.Sprintf("DROP SCHEMA IF EXISTS %s;", qi(c.Namespace.Name)), lockNone)}
	case diff.CreateEnum:
		var vals []string
		for _, v := range c.Enum.Values {
			vals = append(vals, lit(v))
		}
		sql := doIf(fmt.Sprintf("to_regtype(%s) IS NULL", lit(qn(c.Enum.Name))),
			fmt.Sprintf("CREATE TYPE %s AS ENUM (%s)", qn(c.Enum.Name), strings.Join(vals, ", ")))
		return []Step{withReverse(step(Expand, rankType, c, "create enum type "+c.Enum.Name.String(), sql, lockNone),
			fmt.Sprintf("DROP TYPE IF EXISTS %s;", qn(c.Enum.Name)))}
	case diff.AddEnumValue:
		where := ""
		switch {
		case c.After != "":
			where = " AFTER " + lit(c.After)
		case c.Before != "":
			where = " BEFORE " + lit(c.Before)
		}
		return []Step{step(Expand, rankType, c, fmt.Sprintf("add label %s to enum %s", c.Value, c.Enum.Name),
			fmt.Sprintf("ALTER TYPE %s ADD VALUE IF NOT EXISTS %s%s;", qn(c.Enum.Name), lit(c.Value), where), lockNone)}
	case diff.RenameEnum:
		// Catalog only; columns, defaults and functions refer to the type
		// by OID and follow it.
		return []Step{step(Expand, rankRename, c, fmt.Sprintf("rename enum type %s to %s", c.From.Name, c.To.Name.Name),
			doIf(fmt.Sprintf("to_regtype(%s) IS NOT NULL AND to_regtype(%s) IS NULL", lit(qn(c.From.Name)), lit(qn(c.To.Name))),
				fmt.Sprintf("ALTER TYPE %s RENAME TO %s", qn(c.From.Name), qi(c.To.Name.Name))), lockNone)}
	case diff.RenameEnumValue:
		// Catalog only: rows store the label's OID, so they hold the new
		// label at once.
		return []Step{step(Expand, rankType, c, fmt.Sprintf("rename label %s of enum %s to %s", c.From, c.Enum.Name, c.To),
			doIf(fmt.Sprintf("EXISTS (SELECT FROM pg_catalog.pg_enum WHERE enumtypid = %s::regtype AND enumlabel = %s)", lit(qn(c.Enum.Name)), lit(c.From)),
				fmt.Sprintf("ALTER TYPE %s RENAME VALUE %s TO %s", qn(c.Enum.Name), lit(c.From), lit(c.To))), lockNone)}
	case diff.DropEnum:
		return []Step{step(Contract, rankDropType, c, "drop enum type "+c.Enum.Name.String(),
			fmt.Sprintf("DROP TYPE IF EXISTS %s;", qn(c.Enum.Name)), lockNone)}
	case diff.CreateSequence:
		steps := []Step{withReverse(step(Expand, rankSequence, c, "create sequence "+c.Sequence.Name.String(),
			fmt.Sprintf("CREATE SEQUENCE IF NOT EXISTS %s %s;", qn(c.Sequence.Name), sequenceOptions(c.Sequence)), lockNone),
			fmt.Sprintf("DROP SEQUENCE IF EXISTS %s;", qn(c.Sequence.Name)))}
		if o := c.Sequence.OwnedBy; o != nil {
			steps = append(steps, step(Expand, rankSequenceOwner, c, "tie sequence "+c.Sequence.Name.String()+" to its column",
				fmt.Sprintf("ALTER SEQUENCE %s OWNED BY %s.%s;", qn(c.Sequence.Name), qn(o.Table), qi(o.Column)), lockNone))
		}
		return steps
	case diff.AlterSequence:
		owner := "NONE"
		if o := c.To.OwnedBy; o != nil {
			owner = qn(o.Table) + "." + qi(o.Column)
		}
		return []Step{step(Expand, rankSequenceOwner, c, "alter sequence "+c.To.Name.String(),
			fmt.Sprintf("ALTER SEQUENCE %s %s OWNED BY %s;", qn(c.To.Name), sequenceOptions(c.To), owner), "ROW EXCLUSIVE on the sequence (brief)")}
	case diff.DropSequence:
		return []Step{step(Contract, rankDropSequence, c, "drop sequence "+c.Sequence.Name.String(),
			fmt.Sprintf("DROP SEQUENCE IF EXISTS %s;", qn(c.Sequence.Name)), lockNone)}
	case diff.CreateTable:
		return []Step{withReverse(step(Expand, rankTable, c, "create table "+c.Table.Name.String(), createTable(c.Table), lockNone),
			fmt.Sprintf("DROP TABLE IF EXISTS %s;", qn(c.Table.Name)))}
	case diff.DropTable:
		return []Step{step(Contract, rankDropTable, c, "drop table "+c.Table.Name.String(),
			fmt.Sprintf("DROP TABLE IF EXISTS %s;", qn(c.Table.Name)), "ACCESS EXCLUSIVE (brief; nothing uses the table any more)")}
	case diff.AddColumn:
		return p.addColumn(c)
	case diff.DropColumn:
		steps := []Step{step(Contract, rankDropColumn, c, fmt.Sprintf("drop column %s (the application must stop using it in the release before this contract)", c.Object()),
			dropColumnSQL(c.Table.Name, c.Column.Name), lockAccessExclusiveBrief)}
		if NeedsLoosenBeforeDrop(c.Table, c.Column) {
			steps = append(steps, step(Expand, rankLoosen, c, fmt.Sprintf("allow NULL in %s, so that the new version can insert rows without it", c.Object()),
				fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP NOT NULL;", qn(c.Table.Name), qi(c.Column.Name)), lockAccessExclusiveBrief))
		}
		return steps
	case diff.AlterColumnType:
		if p.opts.TypeChange == TypeChangeShadow && ShadowTypeChange(p.d, c.Table, c.From, c.To) {
			return p.shadowTypeChange(c)
		}
		return p.alterType(c)
	case diff.RenameTable:
		return p.renameTable(c)
	case diff.RenameConstraint:
		return p.renameConstraint(c)
	case diff.RenameIndex:
		return p.renameIndex(c)
	case diff.RenameSequence:
		return p.renameSequence(c)
	case diff.RenameColumn:
		return p.renameColumn(c)
	case diff.SplitTable:
		return p.splitTable(c)
	case diff.DropNotNull:
		return []Step{step(Expand, rankAlterColumn, c, fmt.Sprintf("allow NULL in %s", c.Object()),
			fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP NOT NULL;", qn(c.Table.Name), qi(c.Column.Name)), lockAccessExclusiveBrief)}
	case diff.SetDefault:
		return []Step{step(Expand, rankAlterColumn, c, fmt.Sprintf("set default of %s", c.Object()),
			fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %s;", qn(c.Table.Name), qi(c.Column.Name), defaultSQL(c.Column.Default)), lockAccessExclusiveBrief)}
	case diff.DropDefault:
		// The old version may insert rows relying on the default.
		return []Step{step(Contract, rankDropConstraint, c, fmt.Sprintf("drop default of %s (the old version may rely on it)", c.Object()),
			fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT;", qn(c.Table.Name), qi(c.Column.Name)), lockAccessExclusiveBrief)}
	case diff.SetNotNull:
		if c.Column.Hint().Backfill != nil {
			return p.backfillColumn(c, c.Table, c.Column, false)
		}
		return setNotNull(c, c.Table, c.Column)
	case diff.AddConstraint:
		return p.addConstraint(c)
	case diff.DropConstraint:
		return p.dropConstraint(c)
	case diff.ReplaceConstraint:
		return p.replaceConstraint(c)
	case diff.AddIndex:
		return p.addIndex(c, c.Index, c.NewTable)
	case diff.ReplaceIndex:
		return p.replaceIndex(c)
	case diff.DropIndex:
		return []Step{dropIndexConcurrently(c, c.Index.Name, "drop index "+c.Index.Name.String(), rankDropIndex)}
	case diff.CreateView:
		return []Step{withReverse(step(Expand, rankView, c, "create "+viewKind(c.View)+" "+c.View.Name.String(), createView(c.View, true), lockNone),
			fmt.Sprintf("DROP %s IF EXISTS %s;", strings.ToUpper(viewKind(c.View)), qn(c.View.Name)))}
	case diff.ReplaceView:
		p.views = append(p.views, c)
		return nil
	case diff.DropView:
		return []Step{step(Contract, rankDropView, c, "drop "+viewKind(c.View)+" "+c.View.Name.String(),
			fmt.Sprintf("DROP %s IF EXISTS %s;", strings.ToUpper(viewKind(c.View)), qn(c.View.Name)), "ACCESS EXCLUSIVE on the view (brief)")}
	case diff.SetComment:
		return []Step{step(Expand, rankComment, c, fmt.Sprintf("comment on %s %s", strings.ToLower(c.On), c.Object()), commentSQL(c), "SHARE UPDATE EXCLUSIVE (brief)")}
	case diff.GrantPrivileges, diff.RevokePrivileges, diff.AlterDefaultPrivileges:
		return p.privilegeSteps(c)
	case diff.Unsupported, diff.ChangeEnumLabels:
		// Nothing to run: rules report these as blocking.
		return nil
	}
	if steps, ok := p.routineSteps(c); ok {
		return steps
	}
	if steps, ok := p.typeSteps(c); ok {
		return steps
	}
	if steps, ok := p.compositeSteps(c); ok {
		return steps
	}
	if steps, ok := p.rangeSteps(c); ok {
		return steps
	}
	if steps, ok := p.tableSteps(c); ok {
		return steps
	}
	panic(fmt.Sprintf("planner: no PostgreSQL strategy for %T", c))
}

// finish emits what had to wait for the whole diff: the rebuild of
// replaced views, as one transaction so that no query ever finds a view
// missing.
func (p *postgres) finish() []Step {
	if len(p.views) == 0 {
		return nil
	}
	var b strings.Builder
	var names []string
	b.WriteString("BEGIN;\n")
	for _, v := range slices.Backward(p.views) {
		fmt.Fprintf(&b, "DROP %s IF EXISTS %s;\n", strings.ToUpper(viewKind(v.From)), qn(v.From.Name))
	}
	for _, v := range p.views {
		b.WriteString(createView(v.To, false))
		b.WriteByte('\n')
		names = append(names, v.To.Name.String())
	}
	b.WriteString(p.viewACLSQL())
	b.WriteString("COMMIT;")
	s := Step{
		Phase: Expand, rank: rankView, Change: "ReplaceView", Object: strings.Join(names, ", "),
		Summary: "replace view definitions in one transaction: " + strings.Join(names, ", "),
		SQL:     b.String(), Lock: "ACCESS EXCLUSIVE on the views (until commit)", Transactional: false, Rerunnable: true,
	}
	for _, v := range p.views {
		if v.To.Materialized {
			s.Lock = "ACCESS EXCLUSIVE on the views (until commit; a materialized view is repopulated inside)"
		}
	}
	return []Step{s}
}

// doIf wraps a statement in a DO block that runs it only when cond holds,
// for DDL that has no IF [NOT] EXISTS form. The dollar-quote tag is chosen
// so that no identifier inside can end the block early.
func doIf(cond, stmt string) string {
	tag := "$zdplan$"
	for i := 1; strings.Contains(stmt+cond, tag); i++ {
		tag = fmt.Sprintf("$zdplan%d$", i)
	}
	return fmt.Sprintf("DO %s\nBEGIN\n  IF %s THEN\n    %s;\n  END IF;\nEND\n%s;", tag, cond, stmt, tag)
}

func regclass(n schema.Name) string { return lit(qn(n)) + "::regclass" }

func constraintExists(table schema.Name, name string) string {
	return fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conrelid = %s AND conname = %s)", regclass(table), lit(name))
}

func sequenceOptions(s *schema.Sequence) string {
	cycle := "NO CYCLE"
	if s.Cycle {
		cycle = "CYCLE"
	}
	return fmt.Sprintf("AS %s INCREMENT BY %d MINVALUE %d MAXVALUE %d START WITH %d CACHE %d %s",
		s.Type, s.Increment, s.Min, s.Max, s.Start, s.Cache, cycle)
}

// columnSQL is a column definition as CREATE TABLE and ADD COLUMN take it.
func columnSQL(t *schema.Table, c *schema.Column, withNotNull bool) string {
	var b strings.Builder
	b.WriteString(qi(c.Name) + " " + pgq.TypeSQL(*c.Type))
	if c.Extra().Collation != "" {
		b.WriteString(" COLLATE " + pgq.QuoteDotted(c.Extra().Collation))
	}
	switch {
	case c.Extra().Generated != nil:
		fmt.Fprintf(&b, " GENERATED ALWAYS AS (%s) STORED", c.Extra().Generated.SQL)
	case c.Extra().Identity != nil:
		when := "BY DEFAULT"
		if c.Extra().Identity.Always {
			when = "ALWAYS"
		}
		fmt.Fprintf(&b, " GENERATED %s AS IDENTITY", when)
		if opts := identityOptions(t, c); opts != "" {
			b.WriteString(" (" + opts + ")")
		}
	case c.Default != nil:
		b.WriteString(" DEFAULT " + defaultSQL(c.Default))
	}
	if withNotNull && c.NotNull && c.Extra().Identity == nil {
		b.WriteString(" NOT NULL")
	}
	return b.String()
}

// identityOptions spells out the identity sequence options that differ
// from what PostgreSQL would choose by itself.
func identityOptions(t *schema.Table, c *schema.Column) string {
	s := c.Extra().Identity.Sequence
	var opts []string
	if s.Name.Name != t.Name.Name+"_"+c.Name+"_seq" || s.Name.Schema != t.Name.Schema {
		opts = append(opts, "SEQUENCE NAME "+qn(s.Name))
	}
	lo, hi := pgq.SequenceBounds(s.Type, s.Increment)
	if s.Increment != 1 {
		opts = append(opts, fmt.Sprintf("INCREMENT BY %d", s.Increment))
	}
	if s.Min != lo {
		opts = append(opts, fmt.Sprintf("MINVALUE %d", s.Min))
	}
	if s.Max != hi {
		opts = append(opts, fmt.Sprintf("MAXVALUE %d", s.Max))
	}
	if (s.Increment > 0 && s.Start != s.Min) || (s.Increment < 0 && s.Start != s.Max) {
		opts = append(opts, fmt.Sprintf("START WITH %d", s.Start))
	}
	if s.Cache != 1 {
		opts = append(opts, fmt.Sprintf("CACHE %d", s.Cache))
	}
	if s.Cycle {
		opts = append(opts, "CYCLE")
	}
	return strings.Join(opts, " ")
}

func quotedList(names []string) string {
	var out []string
	for _, n := range names {
		out = append(out, qi(n))
	}
	return strings.Join(out, ", ")
}

// constraintSQL is a constraint definition without NOT VALID.
func constraintSQL(c *schema.Constraint) string {
	var b strings.Builder
	switch c.Kind {
	case schema.PrimaryKey:
		fmt.Fprintf(&b, "PRIMARY KEY (%s)", quotedList(c.Columns))
	case schema.Unique:
		b.WriteString("UNIQUE ")
		if c.NullsNotDistinct {
			b.WriteString("NULLS NOT DISTINCT ")
		}
		fmt.Fprintf(&b, "(%s)", quotedList(c.Columns))
	case schema.ForeignKey:
		fmt.Fprintf(&b, "FOREIGN KEY (%s) REFERENCES %s (%s)", quotedList(c.Columns), qn(c.Ref.Table), quotedList(c.Ref.Columns))
		if c.Ref.Match == "FULL" {
			b.WriteString(" MATCH FULL")
		}
		if c.Ref.OnUpdate != "NO ACTION" {
			b.WriteString(" ON UPDATE " + c.Ref.OnUpdate)
		}
		if c.Ref.OnDelete != "NO ACTION" {
			b.WriteString(" ON DELETE " + c.Ref.OnDelete)
		}
	case schema.Check:
		fmt.Fprintf(&b, "CHECK (%s)", c.Check.SQL)
		if c.NoInherit {
			b.WriteString(" NO INHERIT")
		}
	case schema.Exclude:
		b.WriteString(c.Exclude.SQL)
	}
	if len(c.Include) > 0 {
		fmt.Fprintf(&b, " INCLUDE (%s)", quotedList(c.Include))
	}
	if c.Deferrable {
		b.WriteString(" DEFERRABLE")
		if c.InitiallyDeferred {
			b.WriteString(" INITIALLY DEFERRED")
		}
	}
	return b.String()
}

func createTable(t *schema.Table) string {
	if t.IsPartition() {
		return createPartition(t)
	}
	var lines []string
	for _, c := range t.Columns {
		lines = append(lines, "  "+columnSQL(t, c, true))
	}
	for _, c := range t.Constraints {
		if c.Kind != schema.ForeignKey {
			lines = append(lines, fmt.Sprintf("  CONSTRAINT %s %s", qi(c.Name), constraintSQL(c)))
		}
	}
	return fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s (\n%s\n)%s%s;", qn(t.Name), strings.Join(lines, ",\n"), partitionClauses(t), storageClause(t))
}

// simpleTerm matches defaults DEFAULT accepts without parentheses: a
// literal with an optional cast, a number, a plain function call, a
// keyword value.
var simpleTerm = regexp.MustCompile(`^(?:'(?:[^']|'')*'(?:::[\w ."\[\]()]+)?|-?[0-9][0-9.]*|[A-Za-z_][\w.]*\((?:[^()']|'(?:[^']|'')*')*\)|true|false|NULL|CURRENT_[A-Z]+)$`)

// defaultSQL parenthesises a default expression unless it is a simple
// term: DEFAULT takes only a restricted expression (b_expr) without them.
func defaultSQL(e *schema.Expr) string {
	if simpleTerm.MatchString(e.SQL) {
		return e.SQL
	}
	return "(" + e.SQL + ")"
}

// volatileFunctions are the built-in functions whose value differs per
// row: as a default of a new column they force a table rewrite.
var volatileFunctions = []string{"random(", "clock_timestamp(", "gen_random_uuid(", "uuid_generate_v", "timeofday(", "nextval(", "txid_current("}

// IsVolatileDefault reports whether a default makes ADD COLUMN rewrite the
// table. PostgreSQL 11+ stores a non-volatile default in the catalog
// instead of writing it into every row.
func IsVolatileDefault(e *schema.Expr) bool {
	if e == nil {
		return false
	}
	for _, f := range volatileFunctions {
		if strings.Contains(e.Key, f) {
			return true
		}
	}
	return false
}

// RewritesOnAdd reports whether adding the column rewrites the table under
// an ACCESS EXCLUSIVE lock.
func RewritesOnAdd(c *schema.Column) bool {
	return c.Extra().Generated != nil || c.Extra().Identity != nil || IsVolatileDefault(c.Default)
}

func (p *postgres) addColumn(c diff.AddColumn) []Step {
	col := c.Column
	if b := col.Hint().Backfill; b != nil && col.NotNull && col.Default == nil && col.Extra().Identity == nil && col.Extra().Generated == nil {
		if len(col.Hint().BackfillColumns) > 0 || IsVolatileDefault(b) {
			return p.backfillColumn(c, c.Table, col, true)
		}
		// A constant: as a default it fills every existing row without
		// writing one (PostgreSQL 11+), and the rows the old version
		// inserts; NOT NULL then holds from the start.
		tmp := *col
		tmp.Default = b
		return []Step{
			withReverse(step(Expand, rankColumn, c, fmt.Sprintf("add column %s with the backfill value as a temporary default (catalog only)", c.Object()),
				fmt.Sprintf("ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s;", qn(c.Table.Name), columnSQL(c.Table, &tmp, true)), lockAccessExclusiveBrief),
				dropColumnSQL(c.Table.Name, col.Name)),
			step(Contract, rankDropConstraint, c, fmt.Sprintf("drop the temporary default of %s", c.Object()),
				fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT;", qn(c.Table.Name), qi(col.Name)), lockAccessExclusiveBrief),
		}
	}
	lock := lockAccessExclusiveBrief
	if RewritesOnAdd(col) {
		lock = lockAccessExclusiveScan
	}
	// NOT NULL goes in with the column only when every existing row gets
	// a value from it; otherwise the column starts nullable and is
	// tightened in contract.
	inline := col.Default != nil || col.Extra().Identity != nil || col.Extra().Generated != nil
	s := step(Expand, rankColumn, c, "add column "+c.Object(),
		fmt.Sprintf("ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s;", qn(c.Table.Name), columnSQL(c.Table, col, inline)), lock)
	steps := []Step{withReverse(s, dropColumnSQL(c.Table.Name, col.Name))}
	if col.NotNull && !inline {
		steps = append(steps, setNotNull(c, c.Table, col)...)
	}
	return steps
}

// NeedsLoosenBeforeDrop reports whether a column that contract drops
// must allow NULL from expand on: the new version, which no longer knows
// it, could not insert a row while it is NOT NULL without a default.
func NeedsLoosenBeforeDrop(t *schema.Table, c *schema.Column) bool {
	if !c.NotNull || c.Default != nil || c.Extra().Identity != nil || c.Extra().Generated != nil || c.AutoIncrement {
		return false
	}
	pk := t.PrimaryKey()
	return pk == nil || !slices.Contains(pk.Columns, c.Name)
}

// InPlaceTypeChange reports whether PostgreSQL changes a column's type
// without rewriting the table or rebuilding its indexes: widening a
// varchar, dropping its limit, varchar to text, raising numeric precision
// at the same scale.
func InPlaceTypeChange(from, to *schema.Column) bool {
	if from.Extra().Collation != to.Extra().Collation || from.Type.ArrayDims != to.Type.ArrayDims || from.Type.Schema != "" || to.Type.Schema != "" {
		return false
	}
	ft, tt := from.Type, to.Type
	limit := func(t schema.Type) int {
		if len(t.Mods) == 0 {
			return 1 << 30
		}
		var n int
		fmt.Sscan(t.Mods[0], &n)
		return n
	}
	switch {
	case ft.Name == "character varying" && tt.Name == "text":
		return true
	case ft.Name == "character varying" && tt.Name == "character varying":
		return limit(*tt) >= limit(*ft)
	case ft.Name == "text" && tt.Name == "character varying" && len(tt.Mods) == 0:
		return true
	case (ft.Name == "bit varying" && tt.Name == "bit varying"):
		return limit(*tt) >= limit(*ft)
	case ft.Name == "numeric" && tt.Name == "numeric":
		if len(tt.Mods) == 0 {
			return true
		}
		if len(ft.Mods) == 0 {
			return false
		}
		fs, ts := "0", "0"
		if len(ft.Mods) > 1 {
			fs = ft.Mods[1]
		}
		if len(tt.Mods) > 1 {
			ts = tt.Mods[1]
		}
		return fs == ts && limit(*tt) >= limit(*ft)
	}
	return false
}

func (p *postgres) alterType(c diff.AlterColumnType) []Step {
	typ := pgq.TypeSQL(*c.To.Type)
	if c.To.Extra().Collation != "" {
		typ += " COLLATE " + pgq.QuoteDotted(c.To.Extra().Collation)
	}
	alter := fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s TYPE %s", qn(c.Table.Name), qi(c.To.Name), typ)
	// Run again, ALTER TYPE to the type the column already has still
	// fails when a view created since reads the column: skip it then.
	guard := func(sql string) string {
		cond, ok := typeDiffers(c.Table.Name, c.To)
		if !ok || c.From.Extra().Collation != c.To.Extra().Collation {
			return sql + ";"
		}
		return doIf(cond, strings.ReplaceAll(sql, "\n", "\n    "))
	}
	if InPlaceTypeChange(c.From, c.To) {
		return []Step{p.aroundViews(c.Table.Name, step(Expand, rankAlterColumn, c, fmt.Sprintf("change type of %s to %s (catalog only, no rewrite)", c.Object(), c.To.Type), guard(alter), lockAccessExclusiveBrief))}
	}
	// There is no cast between two enum types, nor from an enum to
	// most types: go through text.
	using := qi(c.To.Name)
	if c.From.Type.Schema != "" || c.To.Type.Schema != "" {
		using += "::text"
	}
	alter += fmt.Sprintf(" USING %s::%s", using, pgq.TypeSQL(*c.To.Type))
	// A default is not cast with the column: drop it first and set the
	// new one (or the old one again) after, in the same statement.
	if c.From.Default != nil {
		alter = fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT,\n  %s", qn(c.Table.Name), qi(c.To.Name), strings.TrimPrefix(alter, "ALTER TABLE "+qn(c.Table.Name)+" "))
		if c.To.Default != nil {
			alter += fmt.Sprintf(",\n  ALTER COLUMN %s SET DEFAULT %s", qi(c.To.Name), defaultSQL(c.To.Default))
		}
	}
	return []Step{p.aroundViews(c.Table.Name, step(Expand, rankAlterColumn, c, fmt.Sprintf("change type of %s to %s (REWRITES the table)", c.Object(), c.To.Type), guard(alter), lockAccessExclusiveScan))}
}

// typeDiffers is a catalog condition that holds while the column's type
// is not yet t, comparing the type's oid and the typmod PostgreSQL encodes
// for its modifiers. ok is false for modifiers it cannot encode.
func typeDiffers(table schema.Name, col *schema.Column) (cond string, ok bool) {
	mod, ok := typmod(*col.Type)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = %s AND attname = %s AND atttypid = %s::regtype AND atttypmod = %d)",
		regclass(table), lit(col.Name), lit(pgq.TypeSQL(*col.Type)), mod), true
}

// typmod is the atttypmod PostgreSQL stores for a type's modifiers.
func typmod(t schema.Type) (int, bool) {
	if len(t.Mods) == 0 {
		return -1, true
	}
	if t.Schema != "" {
		return 0, false
	}
	var m []int
	for _, s := range t.Mods {
		n, err := strconv.Atoi(s)
		if err != nil {
			return 0, false
		}
		m = append(m, n)
	}
	const varhdr = 4
	switch t.Name {
	case "character varying", "character":
		return m[0] + varhdr, len(m) == 1
	case "numeric":
		scale := 0
		if len(m) > 1 {
			scale = m[1]
		}
		return (m[0]<<16 | scale&0xffff) + varhdr, len(m) <= 2
	case "bit", "bit varying", "timestamp without time zone", "timestamp with time zone", "time without time zone", "time with time zone":
		return m[0], len(m) == 1
	}
	return 0, false
}

// notNullCheckName names the temporary CHECK that lets SET NOT NULL skip
// its table scan.
func notNullCheckName(t *schema.Table, col string) string {
	name := t.Name.Name + "_" + col + "_zdplan_nn"
	if len(name) > 63 {
		name = fmt.Sprintf("zdplan_nn_%x", fnv32(t.Name.String()+"."+col))
	}
	return name
}

func fnv32(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// setNotNull tightens a column in contract without a long ACCESS
// EXCLUSIVE scan: a NOT VALID check is validated under SHARE UPDATE
// EXCLUSIVE, after which SET NOT NULL trusts it (PostgreSQL 12+).
func setNotNull(c diff.Change, t *schema.Table, col *schema.Column) []Step {
	return notNull(c, t, col.Name, col.Name, Contract, Contract)
}

// notNull tightens column name (added as column under addName, which the
// contract phase may rename) in three moves: a NOT VALID check from
// checkPhase, its validation in validatePhase, and SET NOT NULL with the
// check's removal in contract. A check can come as early as expand when
// a sync trigger guarantees every written row a value.
func notNull(c diff.Change, t *schema.Table, name, addName string, checkPhase, validatePhase Phase) []Step {
	chk := notNullCheckName(t, name)
	isNotNull := fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_attribute WHERE attrelid = %s AND attname = %s AND attnotnull)", regclass(t.Name), lit(name))
	obj := t.Name.String() + "." + name
	mk := func(ph Phase, rank int, summary, sql, lock string) Step {
		s := step(ph, tighten(ph, rank), c, summary, sql, lock)
		s.Object = obj
		return s
	}
	return []Step{
		mk(checkPhase, rankNotNullCheck, fmt.Sprintf("add NOT VALID check that %s is not null", obj),
			doIf(fmt.Sprintf("NOT %s AND NOT %s", isNotNull, constraintExists(t.Name, chk)),
				fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s CHECK (%s IS NOT NULL) NOT VALID", qn(t.Name), qi(chk), qi(addName))),
			lockAccessExclusiveBrief),
		mk(validatePhase, rankNotNullValidate, fmt.Sprintf("validate that %s has no nulls", obj),
			doIf(constraintExists(t.Name, chk), fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s", qn(t.Name), qi(chk))),
			lockShareUpdateExclusive),
		mk(Contract, rankSetNotNull, fmt.Sprintf("set %s NOT NULL (uses the validated check, no scan)", obj),
			fmt.Sprintf("ALTER TABLE %s ALTER COLUMN %s SET NOT NULL;", qn(t.Name), qi(name)), lockAccessExclusiveBrief),
		mk(Contract, rankNotNullDone, "drop the temporary check "+chk,
			fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s;", qn(t.Name), qi(chk)), lockAccessExclusiveBrief),
	}
}

// referencedKeyPhase returns the phase from which the unique key a
// foreign key references exists: Expand when the current schema has it
// already or the plan creates it there, Contract when the plan creates it
// on columns the old version writes.
func (p *postgres) referencedKeyPhase(fk *schema.Constraint) Phase {
	old := p.d.From.Table(fk.Ref.Table)
	if old == nil {
		return Expand
	}
	for _, c := range old.Constraints {
		if (c.Kind == schema.PrimaryKey || c.Kind == schema.Unique) && slices.Equal(c.Columns, fk.Ref.Columns) {
			if nt := p.d.To.Table(fk.Ref.Table); nt != nil {
				if nc := nt.Constraint(c.Name); nc != nil && nc.Equal(c) {
					return Expand
				}
			}
		}
	}
	for _, i := range p.d.From.IndexesOn(fk.Ref.Table) {
		if !i.Unique || i.Where != nil || len(i.Keys) != len(fk.Ref.Columns) {
			continue
		}
		same := true
		for k, key := range i.Keys {
			same = same && key.Column == fk.Ref.Columns[k]
		}
		if ni := p.d.To.Index(i.Table, i.Name.Name); same && ni != nil && ni.Equal(i) {
			return Expand
		}
	}
	if p.writtenByOldVersion(fk.Ref.Table, fk.Ref.Columns) {
		return Contract
	}
	return Expand
}

// writtenByOldVersion reports whether any of the columns exists in the
// current schema, where the old application version writes it.
func (p *postgres) writtenByOldVersion(table schema.Name, cols []string) bool {
	old := p.d.From.Table(table)
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

func (p *postgres) addConstraint(c diff.AddConstraint) []Step {
	con, t := c.Constraint, c.Table
	if con.Kind == schema.Exclude && !c.NewTable {
		return p.addExclusion(c)
	}
	add := fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s %s", qn(t.Name), qi(con.Name), constraintSQL(con))
	drop := fmt.Sprintf("ALTER TABLE IF EXISTS %s DROP CONSTRAINT IF EXISTS %s;", qn(t.Name), qi(con.Name))
	if c.NewTable {
		// The table is empty: validating costs nothing.
		return []Step{withReverse(step(Expand, rankForeignKeyNewTable, c, fmt.Sprintf("add %s %s to new table %s", con.Kind, con.Name, t.Name),
			doIf("NOT "+constraintExists(t.Name, con.Name), add), lockShareRowExclusive), drop)}
	}
	// A constraint on columns the old version writes could reject its
	// writes: it is enforced only once that version is retired.
	phase, validatePhase := Expand, Backfill
	why := "only new columns, which the old version does not write"
	switch {
	case p.writtenByOldVersion(t.Name, con.Columns):
		phase, validatePhase = Contract, Contract
		why = "the old version writes these columns"
	case con.Kind == schema.ForeignKey && p.referencedKeyPhase(con) == Contract:
		phase, validatePhase = Contract, Contract
		why = "the key it references is created in contract"
	}
	switch con.Kind {
	case schema.PrimaryKey, schema.Unique:
		idx := &schema.Index{Name: schema.Name{Schema: t.Name.Schema, Name: con.Name}, Table: t.Name, Unique: true, Method: "btree",
			Include: con.Include, NullsNotDistinct: con.NullsNotDistinct}
		for _, col := range con.Columns {
			idx.Keys = append(idx.Keys, schema.IndexKey{Column: col})
		}
		steps := buildIndexConcurrently(c, idx, phase, tighten(phase, rankUniqueIndex), fmt.Sprintf("build the unique index for %s %s online (%s)", con.Kind, con.Name, why))
		using := fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s %s USING INDEX %s", qn(t.Name), qi(con.Name), con.Kind, qi(con.Name))
		if con.Deferrable {
			using += " DEFERRABLE"
			if con.InitiallyDeferred {
				using += " INITIALLY DEFERRED"
			}
		}
		attach := step(phase, tighten(phase, rankUsingIndex), c, fmt.Sprintf("attach index as %s %s", con.Kind, con.Name),
			doIf("NOT "+constraintExists(t.Name, con.Name), using), lockAccessExclusiveBrief)
		if phase == Expand {
			attach.Reverse = drop // the constraint owns the index: both go
		}
		return append(steps, attach)
	}
	lock := lockAccessExclusiveBrief
	if con.Kind == schema.ForeignKey {
		lock = lockShareRowExclusive
	}
	notValid := step(phase, tighten(phase, rankNotValid), c, fmt.Sprintf("add %s %s NOT VALID: checks new writes only (%s)", con.Kind, con.Name, why),
		doIf("NOT "+constraintExists(t.Name, con.Name), add+" NOT VALID"), lock)
	if phase == Expand {
		notValid.Reverse = drop
	}
	return []Step{
		notValid,
		step(validatePhase, tighten(validatePhase, rankValidate), c, fmt.Sprintf("validate %s %s against existing rows", con.Kind, con.Name),
			fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s;", qn(t.Name), qi(con.Name)), lockShareUpdateExclusive),
	}
}

func (p *postgres) dropConstraint(c diff.DropConstraint) []Step {
	con := c.Constraint
	// Dropping a CHECK, or a foreign key without actions, only loosens:
	// the old version cannot notice, and the new one may need it gone.
	loosening := con.Kind == schema.Check ||
		(con.Kind == schema.ForeignKey && isPlainAction(con.Ref.OnDelete) && isPlainAction(con.Ref.OnUpdate))
	ph, rank, why := Contract, rankDropConstraint, ""
	if loosening {
		ph, rank, why = Expand, rankLoosen, " (loosening: safe for the old version)"
	}
	lock := lockAccessExclusiveBrief
	if con.Kind == schema.ForeignKey {
		lock = lockShareRowExclusive
	}
	return []Step{step(ph, rank, c, fmt.Sprintf("drop %s %s%s", con.Kind, con.Name, why),
		fmt.Sprintf("ALTER TABLE IF EXISTS %s DROP CONSTRAINT IF EXISTS %s;", qn(c.Table.Name), qi(con.Name)), lock)}
}

// replaceConstraint changes a constraint that keeps its name so that
// running a phase again never drops the new definition:
//   - PRIMARY KEY / UNIQUE: the new index is built under a temporary name;
//     one guarded block then drops the old constraint and attaches the new
//     index under the old name;
//   - FOREIGN KEY: the old one is dropped only while its definition is
//     still the old one; the new one is added as usual;
//   - CHECK: dropped in expand (loosening), the new one added in contract.
func (p *postgres) replaceConstraint(c diff.ReplaceConstraint) []Step {
	t, from, to := c.Table, c.From, c.To
	switch to.Kind {
	case schema.PrimaryKey, schema.Unique:
		if from.Kind != schema.PrimaryKey && from.Kind != schema.Unique {
			break
		}
		tmp := schema.Name{Schema: t.Name.Schema, Name: tempName(to.Name, "_zdnew")}
		idx := &schema.Index{Name: tmp, Table: t.Name, Unique: true, Method: "btree", Include: to.Include, NullsNotDistinct: to.NullsNotDistinct}
		for _, col := range to.Columns {
			idx.Keys = append(idx.Keys, schema.IndexKey{Column: col})
		}
		ph := Expand
		if p.writtenByOldVersion(t.Name, to.Columns) {
			ph = Contract
		}
		steps := buildIndexConcurrently(c, idx, ph, tighten(ph, rankUniqueIndex), fmt.Sprintf("build the new index for %s %s online as %s", to.Kind, to.Name, tmp.Name))
		swap := fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s;\n    ALTER TABLE %s ADD CONSTRAINT %s %s USING INDEX %s%s",
			qn(t.Name), qi(from.Name), qn(t.Name), qi(to.Name), to.Kind, qi(tmp.Name), deferrable(to))
		// Run again, the build makes a fresh temporary index: the swap
		// then sees the new key in place and leaves it, and the
		// temporary index is dropped.
		contype := map[schema.ConstraintKind]string{schema.PrimaryKey: "p", schema.Unique: "u"}[to.Kind]
		nnd := ""
		if from.NullsNotDistinct || to.NullsNotDistinct {
			nnd = fmt.Sprintf(" AND i.indnullsnotdistinct = %t", to.NullsNotDistinct)
		}
		done := fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c JOIN pg_catalog.pg_index i ON i.indexrelid = c.conindid"+
			" WHERE c.conrelid = %s AND c.conname = %s AND c.contype = '%s' AND c.condeferrable = %t AND c.condeferred = %t"+
			" AND %s%s)",
			regclass(t.Name), lit(to.Name), contype, to.Deferrable, to.InitiallyDeferred,
			keyColumnsAre("c.conrelid", "i.indkey::int2[]", append(slices.Clone(to.Columns), to.Include...)), nnd)
		return append(steps,
			step(Contract, tighten(Contract, rankUsingIndex), c, fmt.Sprintf("swap %s %s for its new definition", to.Kind, to.Name),
				doIf(fmt.Sprintf("to_regclass(%s) IS NOT NULL AND NOT %s", lit(qn(tmp)), done), swap), "ACCESS EXCLUSIVE (brief; SHARE ROW EXCLUSIVE on referencing tables)"),
			dropIndexConcurrently(c, tmp, "drop the temporary index "+tmp.Name+" if a second run built it again", tighten(Contract, rankUsingIndex)))
	case schema.ForeignKey:
		if from.Kind != schema.ForeignKey {
			break
		}
		drop := p.dropConstraint(diff.DropConstraint{Table: t, Constraint: from})[0]
		drop.SQL = doIf(foreignKeyIs(t.Name, from), fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT %s", qn(t.Name), qi(from.Name)))
		drop.Summary = fmt.Sprintf("drop the old definition of FOREIGN KEY %s", from.Name)
		drop.Change, drop.Object = c.Kind(), c.Object()
		return append([]Step{drop}, p.addConstraint(diff.AddConstraint{Table: t, Constraint: to})...)
	case schema.Check:
		if from.Kind != schema.Check {
			break
		}
		drop := p.dropConstraint(diff.DropConstraint{Table: t, Constraint: from})[0]
		drop.Change, drop.Object = c.Kind(), c.Object()
		steps := []Step{drop}
		for _, s := range p.addConstraint(diff.AddConstraint{Table: t, Constraint: to}) {
			// Added after the old version is retired, so that re-running
			// expand never drops the new definition.
			s.Phase, s.rank = Contract, tighten(Contract, s.rank%tightenOffset)
			s.Change, s.Object = c.Kind(), c.Object()
			steps = append(steps, s)
		}
		return steps
	}
	// A change of kind under the same name: drop, then add.
	return append(p.dropConstraint(diff.DropConstraint{Table: t, Constraint: from}), p.addConstraint(diff.AddConstraint{Table: t, Constraint: to})...)
}

func deferrable(c *schema.Constraint) string {
	switch {
	case c.InitiallyDeferred:
		return " DEFERRABLE INITIALLY DEFERRED"
	case c.Deferrable:
		return " DEFERRABLE"
	}
	return ""
}

var fkActionCodes = map[string]string{"NO ACTION": "a", "RESTRICT": "r", "CASCADE": "c", "SET NULL": "n", "SET DEFAULT": "d"}

// foreignKeyIs is a catalog condition that holds while the named foreign
// key still has the given definition.
func foreignKeyIs(table schema.Name, c *schema.Constraint) string {
	match := map[string]string{"SIMPLE": "s", "FULL": "f", "PARTIAL": "p"}[c.Ref.Match]
	return fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_constraint c WHERE c.conrelid = %s AND c.conname = %s AND c.contype = 'f'"+
		" AND c.confrelid = %s AND c.confupdtype = '%s' AND c.confdeltype = '%s' AND c.confmatchtype = '%s'"+
		" AND c.condeferrable = %t AND c.condeferred = %t AND %s AND %s)",
		regclass(table), lit(c.Name), regclass(c.Ref.Table), fkActionCodes[c.Ref.OnUpdate], fkActionCodes[c.Ref.OnDelete], match,
		c.Deferrable, c.InitiallyDeferred, keyColumnsAre("c.conrelid", "c.conkey", c.Columns), keyColumnsAre("c.confrelid", "c.confkey", c.Ref.Columns))
}

// keyColumnsAre is a catalog condition: the attribute numbers in the
// array column attnums of relation rel name exactly these columns, in order.
func keyColumnsAre(rel, attnums string, names []string) string {
	var quoted []string
	for _, n := range names {
		quoted = append(quoted, lit(n))
	}
	return fmt.Sprintf("(SELECT array_agg(a.attname ORDER BY k.i) FROM unnest(%s) WITH ORDINALITY AS k(n, i) JOIN pg_catalog.pg_attribute a ON a.attrelid = %s AND a.attnum = k.n) = ARRAY[%s]::name[]",
		attnums, rel, strings.Join(quoted, ", "))
}

func isPlainAction(a string) bool { return a == "NO ACTION" || a == "RESTRICT" }

func indexSQL(i *schema.Index, concurrently bool) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if i.Unique {
		b.WriteString("UNIQUE ")
	}
	b.WriteString("INDEX ")
	if concurrently {
		b.WriteString("CONCURRENTLY ")
	}
	fmt.Fprintf(&b, "IF NOT EXISTS %s ON %s", qi(i.Name.Name), qn(i.Table))
	if i.Method != "btree" {
		b.WriteString(" USING " + qi(i.Method))
	}
	var keys []string
	for _, k := range i.Keys {
		keys = append(keys, pgq.IndexKeySQL(k))
	}
	fmt.Fprintf(&b, " (%s)", strings.Join(keys, ", "))
	if len(i.Include) > 0 {
		fmt.Fprintf(&b, " INCLUDE (%s)", quotedList(i.Include))
	}
	if i.NullsNotDistinct {
		b.WriteString(" NULLS NOT DISTINCT")
	}
	if len(i.Options) > 0 {
		fmt.Fprintf(&b, " WITH (%s)", strings.Join(i.Options, ", "))
	}
	if i.Where != nil {
		b.WriteString(" WHERE " + i.Where.SQL)
	}
	b.WriteString(";")
	return b.String()
}

// buildIndexConcurrently builds an index without blocking writes. A build
// that was interrupted leaves an INVALID index behind, which IF NOT EXISTS
// would then take for done; the first step drops such a leftover.
func buildIndexConcurrently(c diff.Change, i *schema.Index, ph Phase, rank int, summary string) []Step {
	leftover := step(ph, rank, c, "drop the INVALID leftover of an interrupted build of "+i.Name.String()+", if any",
		doIf(fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_index WHERE indexrelid = to_regclass(%s) AND NOT indisvalid)", lit(qn(i.Name))),
			"DROP INDEX "+qn(i.Name)), "ACCESS EXCLUSIVE (brief, only if a leftover exists)")
	build := step(ph, rank, c, summary, indexSQL(i, true), lockShareUpdateExclusive)
	build.Transactional = false
	return []Step{leftover, build}
}

func (p *postgres) addIndex(c diff.Change, i *schema.Index, newTable bool) []Step {
	if p.d.To.View(i.Table) != nil && newTable {
		return []Step{withReverse(step(Expand, rankViewIndex, c, fmt.Sprintf("create index %s on new materialized view %s", i.Name, i.Table), indexSQL(i, false), lockNone),
			fmt.Sprintf("DROP INDEX IF EXISTS %s;", qn(i.Name)))}
	}
	if newTable {
		return []Step{withReverse(step(Expand, rankIndex, c, fmt.Sprintf("create index %s on new table %s", i.Name, i.Table), indexSQL(i, false), lockNone),
			fmt.Sprintf("DROP INDEX IF EXISTS %s;", qn(i.Name)))}
	}
	ph, summary := Expand, fmt.Sprintf("build index %s online", i.Name)
	if i.Unique && p.writtenByOldVersion(i.Table, indexColumns(i)) {
		// The old version could insert duplicates and fail once it exists.
		ph, summary = Contract, fmt.Sprintf("build unique index %s online (the old version writes its columns)", i.Name)
	}
	steps := buildIndexConcurrently(c, i, ph, tighten(ph, rankIndex), summary)
	if ph == Expand {
		// Dropped CONCURRENTLY too: the old version keeps writing the table.
		steps[len(steps)-1].Reverse = fmt.Sprintf("DROP INDEX CONCURRENTLY IF EXISTS %s;", qn(i.Name))
	}
	return steps
}

func indexColumns(i *schema.Index) []string {
	var cols []string
	for _, k := range i.Keys {
		if k.Column != "" {
			cols = append(cols, k.Column)
		}
		if k.Expr != nil {
			cols = append(cols, "?expr") // conservatively: an expression reads existing columns
		}
	}
	return cols
}

// replaceIndex builds the new definition under a temporary name, then
// swaps names and drops the old index, so that queries always have one.
func (p *postgres) replaceIndex(c diff.ReplaceIndex) []Step {
	tmp := *c.To
	tmp.Name.Name = tempName(c.To.Name.Name, "_zdnew")
	old := schema.Name{Schema: c.To.Name.Schema, Name: tempName(c.To.Name.Name, "_zdold")}
	ph := Expand
	if c.To.Unique && p.writtenByOldVersion(c.To.Table, indexColumns(c.To)) {
		ph = Contract
	}
	steps := buildIndexConcurrently(c, &tmp, ph, tighten(ph, rankIndex), fmt.Sprintf("build the new definition of %s online as %s", c.To.Name, tmp.Name.Name))
	// The swap follows the build, also when the build is in contract.
	swapRank := tighten(ph, rankDropIndex)
	swap := fmt.Sprintf("ALTER INDEX %s RENAME TO %s;\n    ALTER INDEX %s RENAME TO %s",
		qn(c.From.Name), qi(old.Name), qn(tmp.Name), qi(c.To.Name.Name))
	steps = append(steps,
		step(Contract, swapRank, c, fmt.Sprintf("swap %s for its new definition", c.To.Name),
			doIf(fmt.Sprintf("to_regclass(%s) IS NOT NULL", lit(qn(tmp.Name))), swap), lockAccessExclusiveBrief),
		dropIndexConcurrently(c, old, "drop the old definition of "+c.To.Name.String(), swapRank))
	return steps
}

func tempName(name, suffix string) string {
	if len(name)+len(suffix) > 63 {
		name = name[:63-len(suffix)]
	}
	return name + suffix
}

func dropIndexConcurrently(c diff.Change, name schema.Name, summary string, rank int) Step {
	s := step(Contract, rank, c, summary, fmt.Sprintf("DROP INDEX CONCURRENTLY IF EXISTS %s;", qn(name)), lockShareUpdateExclusive)
	s.Transactional = false
	return s
}

func viewKind(v *schema.View) string {
	if v.Materialized {
		return "materialized view"
	}
	return "view"
}

func createView(v *schema.View, rerunnable bool) string {
	var b strings.Builder
	switch {
	case v.Materialized && rerunnable:
		b.WriteString("CREATE MATERIALIZED VIEW IF NOT EXISTS ")
	case v.Materialized:
		b.WriteString("CREATE MATERIALIZED VIEW ")
	case rerunnable:
		b.WriteString("CREATE OR REPLACE VIEW ")
	default:
		b.WriteString("CREATE VIEW ")
	}
	b.WriteString(qn(v.Name))
	if len(v.Columns) > 0 {
		fmt.Fprintf(&b, " (%s)", quotedList(v.Columns))
	}
	if len(v.StorageParams) > 0 {
		fmt.Fprintf(&b, " WITH (%s)", strings.Join(storageParamsSQL(v.StorageParams), ", "))
	}
	fmt.Fprintf(&b, " AS %s", v.Query.SQL)
	if v.CheckOption != "" {
		fmt.Fprintf(&b, " WITH %s CHECK OPTION", v.CheckOption)
	}
	b.WriteString(";")
	return b.String()
}

func commentSQL(c diff.SetComment) string {
	target := qn(c.Name)
	if t, ok := routineCommentTarget(c); ok {
		target = t
	} else if t, ok := typeCommentTarget(c); ok {
		target, c.On = t, ""
	}
	switch c.On {
	case "SCHEMA":
		target = qi(c.Name.Name)
	case "COLUMN":
		target += "." + qi(c.Column)
	}
	text := "NULL"
	if c.Comment != "" {
		text = lit(c.Comment)
	}
	if c.On == "" {
		return fmt.Sprintf("COMMENT ON %s IS %s;", target, text)
	}
	return fmt.Sprintf("COMMENT ON %s %s IS %s;", c.On, target, text)
}
