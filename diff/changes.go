// Package diff compares two schemas and returns the typed changes that turn
// the first into the second, in an order a database accepts: what others
// depend on is created first and dropped last.
//
// Changes say what differs, never how to apply it: choosing phases, locks
// and SQL is the planner's job, and judging safety is the rules' job.
package diff

import (
	"github.com/zdplan/zdplan/schema"
)

// Change is one difference between two schemas.
type Change interface {
	// Kind is the change's type name, e.g. "AddColumn"; it is part of the
	// JSON output contract.
	Kind() string
	// Object names what changes, e.g. "public.users.email".
	Object() string
	// Pos is where the change is declared: in DESIRED for additions and
	// alterations, in CURRENT for removals.
	Pos() schema.Pos
}

// CreateNamespace creates a schema (namespace).
type CreateNamespace struct{ Namespace *schema.Namespace }

// DropNamespace drops a schema (namespace).
type DropNamespace struct{ Namespace *schema.Namespace }

// CreateEnum creates an enum type.
type CreateEnum struct{ Enum *schema.Enum }

// AddEnumValue adds a label to an enum type, before or after a neighbour
// (both empty: at the end).
type AddEnumValue struct {
	Enum          *schema.Enum
	Value         string
	Before, After string
}

// ChangeEnumLabels removes or reorders labels of an enum type, which
// PostgreSQL cannot do in place.
type ChangeEnumLabels struct{ From, To *schema.Enum }

// DropEnum drops an enum type.
type DropEnum struct{ Enum *schema.Enum }

// CreateSequence creates a sequence. Ownership (OWNED BY) is set by a
// separate AlterSequence once the owning column exists.
type CreateSequence struct{ Sequence *schema.Sequence }

// AlterSequence changes a sequence's options or ownership.
type AlterSequence struct{ From, To *schema.Sequence }

// DropSequence drops a sequence.
type DropSequence struct{ Sequence *schema.Sequence }

// CreateTable creates a table with its columns, primary key, unique and
// check constraints. Its foreign keys and indexes follow as AddConstraint
// and AddIndex changes, so that tables referencing each other can be
// created in any order.
type CreateTable struct{ Table *schema.Table }

// DropTable drops a table.
type DropTable struct{ Table *schema.Table }

// AddColumn adds a column to an existing table.
type AddColumn struct {
	Table  *schema.Table
	Column *schema.Column
}

// DropColumn drops a column.
type DropColumn struct {
	Table  *schema.Table
	Column *schema.Column
}

// AlterColumnType changes a column's type or collation.
type AlterColumnType struct {
	Table    *schema.Table
	From, To *schema.Column
}

// SetNotNull makes a column NOT NULL.
type SetNotNull struct {
	Table  *schema.Table
	Column *schema.Column
}

// DropNotNull makes a column nullable.
type DropNotNull struct {
	Table  *schema.Table
	Column *schema.Column
}

// SetDefault sets or changes a column default (Column.Default is the new
// one).
type SetDefault struct {
	Table  *schema.Table
	Column *schema.Column
}

// DropDefault removes a column default.
type DropDefault struct {
	Table  *schema.Table
	Column *schema.Column
}

// AddConstraint adds a constraint to a table. NewTable is set when the
// table is created by the same plan (it is empty then).
type AddConstraint struct {
	Table      *schema.Table
	Constraint *schema.Constraint
	NewTable   bool
}

// ReplaceConstraint changes the definition of a constraint that keeps its
// name.
type ReplaceConstraint struct {
	Table    *schema.Table
	From, To *schema.Constraint
}

// DropConstraint drops a constraint.
type DropConstraint struct {
	Table      *schema.Table
	Constraint *schema.Constraint
}

// AddIndex creates an index. NewTable is set when its table is created by
// the same plan.
type AddIndex struct {
	Index    *schema.Index
	NewTable bool
}

// DropIndex drops an index.
type DropIndex struct{ Index *schema.Index }

// ReplaceIndex changes the definition of an index that keeps its name.
type ReplaceIndex struct{ From, To *schema.Index }

// CreateView creates a view or materialized view.
type CreateView struct{ View *schema.View }

// ReplaceView changes a view's definition. Rebuild is set when the
// definition text is unchanged but a relation it selects * from changed.
type ReplaceView struct {
	From, To *schema.View
	Rebuild  bool
}

// DropView drops a view or materialized view.
type DropView struct{ View *schema.View }

// SetComment sets (or, when Comment is empty, removes) the comment on an
// object. On is the object kind as COMMENT ON spells it ("TABLE",
// "COLUMN", "VIEW", "MATERIALIZED VIEW", "SCHEMA", "INDEX", "SEQUENCE",
// "TYPE", "CONSTRAINT", "POLICY"). Column names the column (of a table or
// a view) for COLUMN, and the constraint or policy of table Name for
// CONSTRAINT and POLICY.
type SetComment struct {
	On      string
	Name    schema.Name
	Column  string
	Comment string
	At      schema.Pos
}

// Unsupported is a difference zdplan cannot plan: a change to a construct
// the model does not cover, or a change the planner has no strategy for.
type Unsupported struct {
	What string
	Name string
	At   schema.Pos
}

func (CreateNamespace) Kind() string   { return "CreateNamespace" }
func (DropNamespace) Kind() string     { return "DropNamespace" }
func (CreateEnum) Kind() string        { return "CreateEnum" }
func (AddEnumValue) Kind() string      { return "AddEnumValue" }
func (DropEnum) Kind() string          { return "DropEnum" }
func (ChangeEnumLabels) Kind() string  { return "ChangeEnumLabels" }
func (CreateSequence) Kind() string    { return "CreateSequence" }
func (AlterSequence) Kind() string     { return "AlterSequence" }
func (DropSequence) Kind() string      { return "DropSequence" }
func (CreateTable) Kind() string       { return "CreateTable" }
func (DropTable) Kind() string         { return "DropTable" }
func (AddColumn) Kind() string         { return "AddColumn" }
func (DropColumn) Kind() string        { return "DropColumn" }
func (AlterColumnType) Kind() string   { return "AlterColumnType" }
func (SetNotNull) Kind() string        { return "SetNotNull" }
func (DropNotNull) Kind() string       { return "DropNotNull" }
func (SetDefault) Kind() string        { return "SetDefault" }
func (DropDefault) Kind() string       { return "DropDefault" }
func (AddConstraint) Kind() string     { return "AddConstraint" }
func (DropConstraint) Kind() string    { return "DropConstraint" }
func (ReplaceConstraint) Kind() string { return "ReplaceConstraint" }
func (AddIndex) Kind() string          { return "AddIndex" }
func (DropIndex) Kind() string         { return "DropIndex" }
func (ReplaceIndex) Kind() string      { return "ReplaceIndex" }
func (CreateView) Kind() string        { return "CreateView" }
func (ReplaceView) Kind() string       { return "ReplaceView" }
func (DropView) Kind() string          { return "DropView" }
func (SetComment) Kind() string        { return "SetComment" }
func (Unsupported) Kind() string       { return "Unsupported" }

func (c CreateNamespace) Object() string   { return c.Namespace.Name }
func (c DropNamespace) Object() string     { return c.Namespace.Name }
func (c CreateEnum) Object() string        { return c.Enum.Name.String() }
func (c AddEnumValue) Object() string      { return c.Enum.Name.String() }
func (c DropEnum) Object() string          { return c.Enum.Name.String() }
func (c ChangeEnumLabels) Object() string  { return c.To.Name.String() }
func (c CreateSequence) Object() string    { return c.Sequence.Name.String() }
func (c AlterSequence) Object() string     { return c.To.Name.String() }
func (c DropSequence) Object() string      { return c.Sequence.Name.String() }
func (c CreateTable) Object() string       { return c.Table.Name.String() }
func (c DropTable) Object() string         { return c.Table.Name.String() }
func (c AddColumn) Object() string         { return columnName(c.Table, c.Column) }
func (c DropColumn) Object() string        { return columnName(c.Table, c.Column) }
func (c AlterColumnType) Object() string   { return columnName(c.Table, c.To) }
func (c SetNotNull) Object() string        { return columnName(c.Table, c.Column) }
func (c DropNotNull) Object() string       { return columnName(c.Table, c.Column) }
func (c SetDefault) Object() string        { return columnName(c.Table, c.Column) }
func (c DropDefault) Object() string       { return columnName(c.Table, c.Column) }
func (c AddConstraint) Object() string     { return c.Table.Name.String() + "." + c.Constraint.Name }
func (c DropConstraint) Object() string    { return c.Table.Name.String() + "." + c.Constraint.Name }
func (c ReplaceConstraint) Object() string { return c.Table.Name.String() + "." + c.To.Name }
func (c AddIndex) Object() string          { return c.Index.Name.String() }
func (c DropIndex) Object() string         { return c.Index.Name.String() }
func (c ReplaceIndex) Object() string      { return c.To.Name.String() }
func (c CreateView) Object() string        { return c.View.Name.String() }
func (c ReplaceView) Object() string       { return c.To.Name.String() }
func (c DropView) Object() string          { return c.View.Name.String() }
func (c Unsupported) Object() string       { return c.Name }
func (c SetComment) Object() string {
	if c.Column != "" {
		return c.Name.String() + "." + c.Column
	}
	return c.Name.String()
}

func (c CreateNamespace) Pos() schema.Pos   { return c.Namespace.Pos }
func (c DropNamespace) Pos() schema.Pos     { return c.Namespace.Pos }
func (c CreateEnum) Pos() schema.Pos        { return c.Enum.Pos }
func (c AddEnumValue) Pos() schema.Pos      { return c.Enum.Pos }
func (c DropEnum) Pos() schema.Pos          { return c.Enum.Pos }
func (c ChangeEnumLabels) Pos() schema.Pos  { return c.To.Pos }
func (c CreateSequence) Pos() schema.Pos    { return c.Sequence.Pos }
func (c AlterSequence) Pos() schema.Pos     { return c.To.Pos }
func (c DropSequence) Pos() schema.Pos      { return c.Sequence.Pos }
func (c CreateTable) Pos() schema.Pos       { return c.Table.Pos }
func (c DropTable) Pos() schema.Pos         { return c.Table.Pos }
func (c AddColumn) Pos() schema.Pos         { return c.Column.Pos }
func (c DropColumn) Pos() schema.Pos        { return c.Column.Pos }
func (c AlterColumnType) Pos() schema.Pos   { return c.To.Pos }
func (c SetNotNull) Pos() schema.Pos        { return c.Column.Pos }
func (c DropNotNull) Pos() schema.Pos       { return c.Column.Pos }
func (c SetDefault) Pos() schema.Pos        { return c.Column.Pos }
func (c DropDefault) Pos() schema.Pos       { return c.Column.Pos }
func (c AddConstraint) Pos() schema.Pos     { return c.Constraint.Pos }
func (c DropConstraint) Pos() schema.Pos    { return c.Constraint.Pos }
func (c ReplaceConstraint) Pos() schema.Pos { return c.To.Pos }
func (c AddIndex) Pos() schema.Pos          { return c.Index.Pos }
func (c DropIndex) Pos() schema.Pos         { return c.Index.Pos }
func (c ReplaceIndex) Pos() schema.Pos      { return c.To.Pos }
func (c CreateView) Pos() schema.Pos        { return c.View.Pos }
func (c ReplaceView) Pos() schema.Pos       { return c.To.Pos }
func (c DropView) Pos() schema.Pos          { return c.View.Pos }
func (c SetComment) Pos() schema.Pos        { return c.At }
func (c Unsupported) Pos() schema.Pos       { return c.At }

// columnName is a column's name qualified with its table's. Diffing
// builds it only for a change it reports: a schema has hundreds of
// thousands of columns.
func columnName(t *schema.Table, c *schema.Column) string {
	return t.Name.String() + "." + c.Name
}

// RenameTable renames a table (a renamed-from hint). The changes that
// follow it in the same diff use the new name.
type RenameTable struct{ From, To *schema.Table }

// RenameConstraint renames a constraint whose definition is unchanged,
// typically one named after a renamed table.
type RenameConstraint struct {
	Table    *schema.Table
	From, To string
}

// RenameIndex renames an index whose definition is unchanged.
type RenameIndex struct {
	From, To *schema.Index
}

// RenameSequence renames a sequence owned by a renamed table's column.
type RenameSequence struct{ From, To *schema.Sequence }

// RenameColumn replaces a column by one under a new name (a renamed-from
// hint), possibly of another type, nullability or default. Both versions
// of the application keep working: the old one writes From, the new one
// To.
type RenameColumn struct {
	Table    *schema.Table
	From, To *schema.Column
}

// SplitTable fills a new table, created by a CreateTable of the same diff,
// from an existing one (a split-from hint): a row per source row, with
// the Columns that exist in both.
type SplitTable struct {
	Table *schema.Table
	// From is the source table as it is in CURRENT.
	From    *schema.Table
	Split   schema.Split
	Columns []string
}

func (RenameTable) Kind() string      { return "RenameTable" }
func (RenameConstraint) Kind() string { return "RenameConstraint" }
func (RenameIndex) Kind() string      { return "RenameIndex" }
func (RenameSequence) Kind() string   { return "RenameSequence" }
func (RenameColumn) Kind() string     { return "RenameColumn" }
func (SplitTable) Kind() string       { return "SplitTable" }

func (c RenameTable) Object() string { return c.From.Name.String() }
func (c RenameConstraint) Object() string {
	return c.Table.Name.String() + "." + c.From
}
func (c RenameIndex) Object() string    { return c.From.Name.String() }
func (c RenameSequence) Object() string { return c.From.Name.String() }
func (c RenameColumn) Object() string   { return c.Table.Name.String() + "." + c.From.Name }
func (c SplitTable) Object() string     { return c.Table.Name.String() }

func (c RenameTable) Pos() schema.Pos      { return c.To.Hints.Pos }
func (c RenameConstraint) Pos() schema.Pos { return c.Table.Pos }
func (c RenameIndex) Pos() schema.Pos      { return c.To.Pos }
func (c RenameSequence) Pos() schema.Pos   { return c.To.Pos }
func (c RenameColumn) Pos() schema.Pos     { return c.To.Hint().Pos }
func (c SplitTable) Pos() schema.Pos       { return c.Table.Hints.Pos }
