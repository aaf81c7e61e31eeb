// Package schema is zdplan's dialect-neutral model of a database schema.
//
// A Schema is what a parser makes of one DDL file: namespaces, tables with
// their columns and constraints, indexes, views, sequences and enum types,
// each carrying the source position it was declared at so that findings can
// point back into the file. Names are stored as the database would store
// them (case-folded, unquoted); quoting is the emitter's business.
//
// The model holds no parser or planner logic. Its types are compared by the
// diff package, so every field either takes part in equality or is a source
// position; normalisation (type aliases, default expressions, implicit
// names) happens in the parser before values reach this package.
package schema

import (
	"fmt"
	"iter"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Pos is a position in a source file. Line and Col are 1-based; a zero Pos
// means "unknown".
type Pos struct {
	File string
	Line int32
	Col  int32
}

// IsValid reports whether p points somewhere.
func (p Pos) IsValid() bool { return p.Line > 0 }

// String formats p as file:line:col, the form editors and CI annotations
// understand.
func (p Pos) String() string {
	if !p.IsValid() {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Name is a schema-qualified object name. Schema is never empty once a
// parser has resolved it.
type Name struct {
	Schema string
	Name   string
}

// String renders the name unquoted, for messages and sort keys. Use a
// dialect's quoting function for SQL.
func (n Name) String() string {
	if n.Schema == "" {
		return n.Name
	}
	return n.Schema + "." + n.Name
}

// Compare orders names by schema, then name.
func (n Name) Compare(o Name) int {
	if c := strings.Compare(n.Schema, o.Schema); c != 0 {
		return c
	}
	return strings.Compare(n.Name, o.Name)
}

// Expr is an SQL expression as the parser understood it. An Expr is not
// changed once a model holds it: columns may share one (parser.Exprs).
type Expr struct {
	// SQL is the expression in canonical form, ready to be emitted.
	SQL string
	// Key is a normalised form used only for comparison: two expressions
	// with the same Key mean the same thing (redundant casts, parentheses,
	// qualification and IN-list spelling removed).
	Key string
}

// Equal reports whether two possibly nil expressions mean the same thing.
func (e *Expr) Equal(o *Expr) bool {
	if e == nil || o == nil {
		return e == nil && o == nil
	}
	return e.Key == o.Key
}

// Schema is one parsed schema file.
type Schema struct {
	Dialect    string
	Namespaces []*Namespace
	Tables     []*Table
	Indexes    []*Index
	Views      []*View
	Sequences  []*Sequence
	Enums      []*Enum
	// PublicComment is a PostgreSQL COMMENT ON SCHEMA public other than
	// the one the server creates it with (PublicDefaultComment), which
	// is "".
	PublicComment string

	// PostgreSQL objects beyond tables (see objects.go).
	Extensions        []*Extension
	Functions         []*Function
	Triggers          []*Trigger
	Domains           []*Domain
	CompositeTypes    []*CompositeType
	RangeTypes        []*RangeType
	Collations        []*Collation
	Policies          []*Policy
	Privileges        []*Privilege
	DefaultPrivileges []*DefaultPrivilege

	// Unsupported lists statements the model does not cover. They are kept
	// so that a difference in them is reported instead of silently ignored.
	Unsupported []*Unsupported

	once  sync.Once
	index *lookup
}

// Table returns the named table, or nil.
func (s *Schema) Table(n Name) *Table { return s.lookup().tables[n] }

// View returns the named view or materialized view, or nil.
func (s *Schema) View(n Name) *View { return s.lookup().views[n] }

// Sequence returns the named sequence, or nil.
func (s *Schema) Sequence(n Name) *Sequence { return s.lookup().sequences[n] }

// Enum returns the named enum type, or nil.
func (s *Schema) Enum(n Name) *Enum { return s.lookup().enums[n] }

// Index returns the index of a table by name, or nil. Index names are
// unique per schema in PostgreSQL but only per table in MySQL, so both
// are part of the key.
func (s *Schema) Index(table Name, name string) *Index {
	return s.lookup().indexes[indexKey{table, name}]
}

// IndexesOn returns the indexes of a table (or materialized view), in
// schema order.
func (s *Schema) IndexesOn(table Name) []*Index { return s.lookup().tableIndexes[table] }

// ForeignKeysTo returns the foreign keys of any table that reference
// table, in schema order.
func (s *Schema) ForeignKeysTo(table Name) []*Constraint { return s.lookup().referencing[table] }

// EffectiveColumn returns the named column of t as the database has it:
// t's own, or else the one it takes from a parent (of a partition, or of
// an inheritance child, through any number of levels); nil when there is
// none.
func (s *Schema) EffectiveColumn(t *Table, name string) *Column {
	return s.effectiveColumn(t, name, 0)
}

func (s *Schema) effectiveColumn(t *Table, name string, depth int) *Column {
	if c := t.Column(name); c != nil {
		return c
	}
	if depth > 100 { // a cycle of parents is an error elsewhere; never loop on it
		return nil
	}
	for _, pn := range t.Parents() {
		if pt := s.Table(pn); pt != nil {
			if c := s.effectiveColumn(pt, name, depth+1); c != nil {
				return c
			}
		}
	}
	return nil
}

// EffectiveColumns returns every column of t as the database has it, in
// its order: the parents' columns first, then t's own.
func (s *Schema) EffectiveColumns(t *Table) []*Column {
	return effectiveColumns(t, func(n Name) *Table { return s.Table(n) }, 0)
}

// EffectiveColumnsOf is EffectiveColumns with tables looked up by table,
// for a schema under construction, whose lookups are not built yet.
func EffectiveColumnsOf(t *Table, table func(Name) *Table) []*Column {
	return effectiveColumns(t, table, 0)
}

func effectiveColumns(t *Table, table func(Name) *Table, depth int) []*Column {
	var out []*Column
	seen := map[string]int{}
	add := func(c *Column) {
		if i, ok := seen[c.Name]; ok {
			if out[i] != c && t.Column(c.Name) == c {
				out[i] = c // the child's own definition merges with the parent's
			}
			return
		}
		seen[c.Name] = len(out)
		out = append(out, c)
	}
	if depth < 100 {
		for _, pn := range t.Parents() {
			if pt := table(pn); pt != nil {
				for _, c := range effectiveColumns(pt, table, depth+1) {
					add(c)
				}
			}
		}
	}
	for _, c := range t.Columns {
		add(c)
	}
	return out
}

// Children returns the partitions and inheritance children of a table,
// in schema order.
func (s *Schema) Children(table Name) []*Table { return s.lookup().children[table] }

// SequencesOwnedBy returns the sequences owned by column col of table t
// (ALTER SEQUENCE ... OWNED BY, serial columns), in schema order.
func (s *Schema) SequencesOwnedBy(t Name, col string) []*Sequence {
	return s.lookup().owned[ColumnRef{Table: t, Column: col}]
}

// Namespace returns the named namespace, or nil.
func (s *Schema) Namespace(name string) *Namespace { return s.lookup().namespaces[name] }

// BuildIndex builds the name index the lookups use now instead of at the
// first lookup: the pipeline builds each schema's while the other file's
// parse may still run, instead of both one after the other later.
func (s *Schema) BuildIndex() { s.lookup() }

// lookup builds name indexes on first use. A Schema is not modified once
// its parser has returned it, so the index never goes stale.
func (s *Schema) lookup() *lookup {
	s.once.Do(func() {
		l := &lookup{
			tables:     make(map[Name]*Table, len(s.Tables)),
			views:      make(map[Name]*View, len(s.Views)),
			sequences:  make(map[Name]*Sequence, len(s.Sequences)),
			enums:      make(map[Name]*Enum, len(s.Enums)),
			indexes:    make(map[indexKey]*Index, len(s.Indexes)),
			namespaces: make(map[string]*Namespace, len(s.Namespaces)),
			readers:    map[Name][]*View{},
		}
		// Per table, so that a change looks at its own table's indexes
		// and references instead of the whole schema: a planner over
		// 10,000 tables would otherwise be quadratic.
		l.tableIndexes = groupBy(func(yield func(Name, *Index) bool) {
			for _, i := range s.Indexes {
				if !yield(i.Table, i) {
					return
				}
			}
		})
		l.referencing = groupBy(func(yield func(Name, *Constraint) bool) {
			for _, t := range s.Tables {
				for _, c := range t.Constraints {
					if c.Kind == ForeignKey && !yield(c.Ref.Table, c) {
						return
					}
				}
			}
		})
		l.children = groupBy(func(yield func(Name, *Table) bool) {
			for _, t := range s.Tables {
				for _, pn := range t.Parents() {
					if !yield(pn, t) {
						return
					}
				}
			}
		})
		l.owned = groupBy(func(yield func(ColumnRef, *Sequence) bool) {
			for _, q := range s.Sequences {
				if q.OwnedBy != nil && !yield(*q.OwnedBy, q) {
					return
				}
			}
		})
		for _, t := range s.Tables {
			l.tables[t.Name] = t
		}
		for _, v := range s.Views {
			l.views[v.Name] = v
			for _, r := range v.Refs {
				if rs := l.readers[r]; len(rs) == 0 || rs[len(rs)-1] != v {
					l.readers[r] = append(rs, v)
				}
			}
		}
		for _, q := range s.Sequences {
			l.sequences[q.Name] = q
		}
		for _, e := range s.Enums {
			l.enums[e.Name] = e
		}
		for _, i := range s.Indexes {
			l.indexes[indexKey{i.Table, i.Name.Name}] = i
		}
		for _, n := range s.Namespaces {
			l.namespaces[n.Name] = n
		}
		s.index = l
	})
	return s.index
}

// groupBy returns the values of pairs by key, in order. The groups share
// one array instead of growing one each: the lists of a large schema's
// tables would be tens of thousands of small slices, scattered among
// whatever else the heap holds.
func groupBy[K comparable, V any](pairs iter.Seq2[K, V]) map[K][]V {
	count := map[K]int{}
	n := 0
	for k := range pairs {
		count[k]++
		n++
	}
	all := make([]V, 0, n)
	out := make(map[K][]V, len(count))
	for k, v := range pairs {
		g, ok := out[k]
		if !ok {
			end := len(all) + count[k]
			g, all = all[len(all):len(all):end], all[:end]
		}
		out[k] = append(g, v)
	}
	return out
}

type indexKey struct {
	table Name
	name  string
}

type lookup struct {
	tables     map[Name]*Table
	views      map[Name]*View
	sequences  map[Name]*Sequence
	enums      map[Name]*Enum
	indexes    map[indexKey]*Index
	namespaces map[string]*Namespace

	tableIndexes map[Name][]*Index
	// readers are the views that name a relation in their Refs.
	readers     map[Name][]*View
	referencing map[Name][]*Constraint
	children    map[Name][]*Table
	owned       map[ColumnRef][]*Sequence
}

// PublicDefaultComment is the comment PostgreSQL gives the public schema.
const PublicDefaultComment = "standard public schema"

// Namespace is a schema created with CREATE SCHEMA (PostgreSQL) — the
// default namespace is implicit and not listed.
type Namespace struct {
	Name    string
	Comment string
	Pos     Pos
}

// Table is a base table.
type Table struct {
	Name        Name
	Columns     []*Column
	Constraints []*Constraint
	Comment     string
	// Options holds dialect table options that take part in the diff,
	// keyed by lower-case option name: for MySQL "engine", "charset" and
	// "collate", with lower-case values. Tables may share one map
	// (parser.Options): it is replaced, never written.
	Options map[string]string

	// PostgreSQL row-level security: ALTER TABLE ... ENABLE and FORCE
	// ROW LEVEL SECURITY.
	RowSecurity, ForceRowSecurity bool
	// ReplicaIdentity is "" (DEFAULT), "FULL", "NOTHING", or the name
	// of the index given with USING INDEX (PostgreSQL).
	ReplicaIdentity string
	// StorageParams are a PostgreSQL table's storage parameters
	// (reloptions) as pg_class stores them, "fillfactor=70", in the
	// order PostgreSQL keeps them; equality ignores the order (see
	// StorageParamsEqual).
	StorageParams []string
	// PartitionBy is the canonical PARTITION BY clause of a partitioned
	// table ("RANGE (created_at)"), or "", and PartitionKey its
	// normalised form, compared instead (see Expr.Key).
	PartitionBy, PartitionKey string
	// PartitionOf is the parent of a partition, and PartitionBound its
	// canonical bound ("FOR VALUES FROM (1) TO (10)", "DEFAULT"), its
	// values normalised for the key's types so that a hand-written bound
	// and the one pg_dump prints compare equal. A partition has no
	// Columns of its own: they are its parent's (see EffectiveColumn).
	PartitionOf    Name
	PartitionBound string
	// Inherits are the parents of an inheritance child (INHERITS), in
	// order. Columns lists only the child's own columns (declared in it,
	// possibly merged with a parent's); the ones it only inherits are
	// its parents' (see EffectiveColumn).
	Inherits []Name

	Hints TableHints
	Pos   Pos
}

// TableHints are what DESIRED says about a table's origin, which a diff
// alone cannot know (see DESIGN.md, "Hints").
type TableHints struct {
	// RenamedFrom is the table's name in CURRENT; zero when not renamed.
	RenamedFrom Name
	// SplitFrom is set for a new table whose rows come from an existing
	// one, a row per source row.
	SplitFrom *Split
	Pos       Pos
}

// Split says where a table split off from: its rows are those of From,
// joined on Column (in the new table) = FromColumn (in From).
type Split struct {
	From       Name
	Column     string
	FromColumn string
}

// Column returns the named column, or nil.
func (t *Table) Column(name string) *Column {
	for _, c := range t.Columns {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// ColumnNear is Column, trying position i first: comparing two versions of
// a table, a column is mostly where it was, and looking each one up from
// the start makes the comparison quadratic in the table's width.
func (t *Table) ColumnNear(i int, name string) *Column {
	if i >= 0 && i < len(t.Columns) && t.Columns[i].Name == name {
		return t.Columns[i]
	}
	return t.Column(name)
}

// StorageParamsEqual reports whether two lists of storage parameters
// set the same values, in any order; boolean values compare by meaning
// ("off" is "false"), as PostgreSQL reads them.
func StorageParamsEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	return sameSet(storageParamKeys(a), storageParamKeys(b))
}

func storageParamKeys(params []string) []string {
	out := make([]string, len(params))
	for i, p := range params {
		out[i] = StorageParamKey(p)
	}
	return out
}

// StorageParamKey is a storage parameter in the form compared: a boolean
// value spelled "true" or "false", whatever its spelling in the file.
func StorageParamKey(param string) string {
	name, val, ok := strings.Cut(param, "=")
	if !ok {
		return param
	}
	switch strings.ToLower(val) {
	case "on", "true", "yes":
		val = "true"
	case "off", "false", "no":
		val = "false"
	}
	return name + "=" + val
}

// IsPartition reports whether t is a partition of another table.
func (t *Table) IsPartition() bool { return t.PartitionOf.Name != "" }

// Parents are the tables t takes columns from: the partitioned table of
// a partition, or the parents of an inheritance child.
func (t *Table) Parents() []Name {
	if t.IsPartition() {
		return []Name{t.PartitionOf}
	}
	return t.Inherits
}

// Constraint returns the named constraint, or nil.
func (t *Table) Constraint(name string) *Constraint {
	for _, c := range t.Constraints {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// ConstraintNear is Constraint, trying position i first (see ColumnNear).
func (t *Table) ConstraintNear(i int, name string) *Constraint {
	if i >= 0 && i < len(t.Constraints) && t.Constraints[i].Name == name {
		return t.Constraints[i]
	}
	return t.Constraint(name)
}

// PrimaryKey returns the table's primary key constraint, or nil.
func (t *Table) PrimaryKey() *Constraint {
	for _, c := range t.Constraints {
		if c.Kind == PrimaryKey {
			return c
		}
	}
	return nil
}

// Type is a column's data type.
type Type struct {
	// Schema is set for user-defined types (enums, domains, extension
	// types) and empty for built-in ones.
	Schema string
	// Name is the canonical type name: for built-in types the name as the
	// database reports it ("integer", "character varying", "timestamp with
	// time zone").
	Name string
	// Mods are the type modifiers as written, e.g. ["10", "2"] for
	// numeric(10,2). Empty when the type takes none or uses the default.
	Mods []string
	// ArrayDims is the number of array dimensions ([] suffixes). It is
	// an int32 so that it shares a word with the flags below, which
	// keeps Column small.
	ArrayDims int32
	// Unsigned and Zerofill are MySQL numeric type attributes.
	Unsigned bool
	Zerofill bool
}

// Equal reports whether two types are the same.
func (t Type) Equal(o Type) bool {
	return t.Schema == o.Schema && t.Name == o.Name && slices.Equal(t.Mods, o.Mods) && t.ArrayDims == o.ArrayDims &&
		t.Unsigned == o.Unsigned && t.Zerofill == o.Zerofill
}

// String renders the type in canonical SQL spelling, unquoted. Emitters
// quote user-defined type names themselves (see TypeSQL in the dialect
// packages).
func (t Type) String() string {
	if t.Schema != "" {
		return t.Schema + "." + t.Format(t.Name)
	}
	return t.Format(t.Name)
}

// Format renders the type with name standing for the (possibly quoted)
// type name, adding modifiers and array dimensions.
func (t Type) Format(name string) string {
	var b strings.Builder
	b.WriteString(name)
	if len(t.Mods) > 0 {
		// Spelled the way format_type does: "timestamp(3) with time zone".
		if head, tail, ok := strings.Cut(name, " with"); ok && t.Schema == "" && strings.HasPrefix(name, "time") {
			b.Reset()
			fmt.Fprintf(&b, "%s(%s) with%s", head, strings.Join(t.Mods, ","), tail)
		} else {
			fmt.Fprintf(&b, "(%s)", strings.Join(t.Mods, ","))
		}
	}
	for range t.ArrayDims {
		b.WriteString("[]")
	}
	return b.String()
}

// Identity describes an identity column.
type Identity struct {
	// Always is true for GENERATED ALWAYS, false for BY DEFAULT.
	Always bool
	// Sequence holds the identity sequence's options; its Name is the
	// implicit sequence's name.
	Sequence *Sequence
}

// Column is a table column.
//
// A large schema has hundreds of thousands of columns, so the struct is
// kept small (it fits the 80-byte allocation size class): the type is
// shared with the other columns of that type, and attributes that most
// columns lack, and DESIRED's hints, live out of line in Extras.
type Column struct {
	Name string
	// Type is never nil in a model. Columns share it (parser.Types), so
	// it is replaced, never written through.
	Type    *Type
	Default *Expr
	// Extras is nil unless the column has one of the rarer attributes or
	// a hint. Read them with Extra and Hint and change them with SetExtra,
	// never through the pointer: a copy of a Column shares its Extras.
	Extras *ColumnExtra
	Pos    Pos

	// The flags come last, together, so that they share one word.
	NotNull bool
	// Virtual is true for a MySQL VIRTUAL generated column.
	Virtual bool
	// AutoIncrement marks a MySQL AUTO_INCREMENT column.
	AutoIncrement bool
}

// ColumnExtra holds the attributes of a Column that most columns do not
// have. It is immutable once referenced from a Column, since copies of
// the Column share it; SetExtra changes a private copy.
type ColumnExtra struct {
	// Generated is the expression of a generated column: GENERATED
	// ALWAYS AS (...) STORED, or in MySQL also VIRTUAL (see
	// Column.Virtual).
	Generated *Expr
	Identity  *Identity
	// Charset is a MySQL column character set, set only when it differs
	// from the table's default.
	Charset string
	// Collation is set only when it differs from the type's (MySQL: the
	// table's) default.
	Collation string
	// OnUpdate is MySQL's ON UPDATE expression (CURRENT_TIMESTAMP).
	OnUpdate *Expr
	Comment  string
	// Options holds other dialect column attributes that take part in the
	// diff, keyed by lower-case attribute name.
	Options map[string]string
	// Hints is what DESIRED says about the column (nil when nothing). It
	// is not an attribute of the column: the diff never compares it.
	Hints *ColumnHints
}

// isZero reports whether e sets nothing, so that a Column needs no
// Extras. An empty but non-nil Options counts as set, as it did before
// the attributes moved out of Column.
func (e *ColumnExtra) isZero() bool {
	return e.Generated == nil && e.Identity == nil && e.Charset == "" && e.Collation == "" &&
		e.OnUpdate == nil && e.Comment == "" && e.Options == nil && e.Hints == nil
}

// Extra returns the column's rarer attributes, the zero ColumnExtra when
// it has none. The result is a copy, but its Options map is shared and
// must not be written.
func (c *Column) Extra() ColumnExtra {
	if c.Extras == nil {
		return ColumnExtra{}
	}
	return *c.Extras
}

// SetExtra changes the column's rarer attributes by calling f on a copy
// of them (with its own Options map), which then replaces Extras. Copies
// of c made before are not affected; Extras becomes nil when f leaves
// nothing set.
func (c *Column) SetExtra(f func(*ColumnExtra)) {
	var e ColumnExtra
	if c.Extras != nil {
		e = *c.Extras
		e.Options = maps.Clone(e.Options)
	}
	f(&e)
	if e.isZero() {
		c.Extras = nil
		return
	}
	c.Extras = &e
}

// Hint returns the column's hints, the zero ColumnHints when it has none.
func (c *Column) Hint() ColumnHints {
	if c.Extras == nil || c.Extras.Hints == nil {
		return ColumnHints{}
	}
	return *c.Extras.Hints
}

// ColumnHints are what DESIRED says about a column that a diff alone
// cannot know (see DESIGN.md, "Hints").
type ColumnHints struct {
	// RenamedFrom is the column's name in CURRENT; empty when not renamed.
	RenamedFrom string
	// Using converts a CURRENT row's value to this column's, written in
	// terms of CURRENT's columns (for a type change or a rename).
	Using *Expr
	// Backfill is the value existing rows get (for a NOT NULL column
	// without a default, or one that is tightened).
	Backfill *Expr
	// UsingColumns and BackfillColumns are the columns the expressions
	// read; a backfill that reads none is a constant.
	UsingColumns, BackfillColumns []string
	Pos                           Pos
}

// ConstraintKind distinguishes table constraints.
type ConstraintKind uint8

// The constraint kinds. NOT NULL is a column property, not a constraint.
const (
	PrimaryKey ConstraintKind = iota + 1
	Unique
	ForeignKey
	Check
	// Exclude is a PostgreSQL EXCLUDE constraint.
	Exclude
)

func (k ConstraintKind) String() string {
	switch k {
	case PrimaryKey:
		return "PRIMARY KEY"
	case Unique:
		return "UNIQUE"
	case ForeignKey:
		return "FOREIGN KEY"
	case Check:
		return "CHECK"
	case Exclude:
		return "EXCLUDE"
	}
	return fmt.Sprintf("ConstraintKind(%d)", int(k))
}

// Constraint is a PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK or EXCLUDE
// constraint.
//
// A large schema has a few constraints per table, so the parts only one
// kind has are out of line (Ref, Exclude); a copy of a Constraint shares
// them, so they are replaced, never changed in place.
type Constraint struct {
	Name    string
	Columns []string

	// Include lists INCLUDE columns of a PRIMARY KEY or UNIQUE constraint.
	Include []string

	// Ref is what a FOREIGN KEY references; nil for the other kinds.
	Ref *Reference

	// Check is a CHECK constraint's expression.
	Check *Expr

	// Exclude is an EXCLUDE constraint's definition after the constraint
	// name: SQL its canonical text ("EXCLUDE USING gist (room WITH =,
	// during WITH &&)"), without DEFERRABLE, which the flags below hold,
	// and Key its normalised form, compared instead.
	Exclude *Expr

	// Comment is a MySQL key's COMMENT (of a PRIMARY KEY or UNIQUE), or
	// a PostgreSQL COMMENT ON CONSTRAINT, which the PostgreSQL diff
	// compares apart from the definition.
	Comment string

	Pos Pos

	// The kind and the flags come last, together, so that they share one
	// word.
	Kind ConstraintKind
	// NullsNotDistinct is UNIQUE NULLS NOT DISTINCT.
	NullsNotDistinct  bool
	Deferrable        bool
	InitiallyDeferred bool
	// NoInherit is a CHECK's NO INHERIT.
	NoInherit bool
	// NotValid records a constraint declared NOT VALID; it is not part of
	// the constraint's identity but tells the planner the rows were never
	// checked.
	NotValid bool
}

// Reference is the referencing side of a FOREIGN KEY: the table and
// columns it references and its actions. Actions are canonical upper-case
// SQL ("NO ACTION", "CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT"),
// Match is "SIMPLE", "FULL" or "PARTIAL".
type Reference struct {
	Table    Name
	Columns  []string
	OnDelete string
	OnUpdate string
	Match    string
}

// Equal reports whether two possibly nil references are the same.
func (r *Reference) Equal(o *Reference) bool {
	if r == nil || o == nil {
		return r == nil && o == nil
	}
	return r.Table == o.Table && slices.Equal(r.Columns, o.Columns) &&
		r.OnDelete == o.OnDelete && r.OnUpdate == o.OnUpdate && r.Match == o.Match
}

// Equal reports whether two constraints have the same definition, ignoring
// NotValid and position.
func (c *Constraint) Equal(o *Constraint) bool {
	return c.Name == o.Name && c.Kind == o.Kind &&
		slices.Equal(c.Columns, o.Columns) && slices.Equal(c.Include, o.Include) &&
		c.NullsNotDistinct == o.NullsNotDistinct && c.Ref.Equal(o.Ref) &&
		c.Deferrable == o.Deferrable && c.InitiallyDeferred == o.InitiallyDeferred &&
		c.Check.Equal(o.Check) && c.NoInherit == o.NoInherit && c.Comment == o.Comment &&
		c.Exclude.Equal(o.Exclude)
}

// IndexKey is one key column or expression of an index.
type IndexKey struct {
	// Column is set for a plain column key, Expr for an expression key.
	Column    string
	Expr      *Expr
	Collation string
	Opclass   string
	Desc      bool
	// NullsFirst is the effective NULLS ordering; it is emitted only when it
	// differs from the default for the sort direction.
	NullsFirst bool
	// Length is a MySQL prefix length; 0 when none.
	Length int
}

// Equal reports whether two index keys are the same.
func (k IndexKey) Equal(o IndexKey) bool {
	return k.Column == o.Column && k.Expr.Equal(o.Expr) && k.Collation == o.Collation &&
		k.Opclass == o.Opclass && k.Desc == o.Desc && k.NullsFirst == o.NullsFirst && k.Length == o.Length
}

// Index is a secondary index (indexes that implement PRIMARY KEY or UNIQUE
// constraints belong to the constraint, not here).
type Index struct {
	Name             Name
	Table            Name
	Unique           bool
	Method           string
	Keys             []IndexKey
	Include          []string
	Where            *Expr
	NullsNotDistinct bool
	// Options are storage parameters ("fillfactor=70") in written order,
	// which is the order PostgreSQL keeps; equality ignores the order.
	Options []string
	// Comment is a MySQL index's COMMENT, or a PostgreSQL COMMENT ON
	// INDEX, which the PostgreSQL diff compares apart from the definition.
	Comment string
	Pos     Pos
}

// Equal reports whether two indexes have the same definition.
func (i *Index) Equal(o *Index) bool {
	return i.Name == o.Name && i.Table == o.Table && i.Unique == o.Unique && i.Method == o.Method &&
		slices.EqualFunc(i.Keys, o.Keys, IndexKey.Equal) && slices.Equal(i.Include, o.Include) &&
		i.Where.Equal(o.Where) && i.NullsNotDistinct == o.NullsNotDistinct && sameSet(i.Options, o.Options) &&
		i.Comment == o.Comment
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// View is a view or materialized view.
type View struct {
	Name         Name
	Materialized bool
	// Columns are explicit output column names, if given.
	Columns []string
	Query   Expr
	// CheckOption is "", "LOCAL" or "CASCADED".
	CheckOption string
	// Security is a MySQL view's SQL SECURITY when it is not the default
	// DEFINER: "INVOKER".
	Security string
	// Refs lists the relations the query reads, for ordering and for
	// rebuilding a view when a relation under it changes. Not part of the
	// view's identity.
	Refs []Name
	// Star is set when the query selects *: PostgreSQL expands the list
	// when the view is created, so the view changes with its relations.
	Star bool
	// StorageParams are a materialized view's storage parameters, as
	// Table's.
	StorageParams []string
	Comment       string
	// ColumnComments are COMMENT ON COLUMN texts of the view's output
	// columns, by column name; nil when there are none.
	ColumnComments map[string]string
	Pos            Pos
}

// Sequence is a sequence generator. All options hold their effective
// values (defaults filled in), so that spelled-out defaults compare equal to
// omitted ones.
type Sequence struct {
	Name      Name
	Type      string
	Start     int64
	Increment int64
	Min       int64
	Max       int64
	Cache     int64
	Cycle     bool
	// OwnedBy is the owning column ("table.column", table schema-qualified
	// by the owning table's Name), empty when none.
	OwnedBy *ColumnRef
	Comment string
	Pos     Pos
}

// ColumnRef names a column of a table.
type ColumnRef struct {
	Table  Name
	Column string
}

// OptionsEqual reports whether two sequences have the same options,
// ignoring name and ownership.
func (s *Sequence) OptionsEqual(o *Sequence) bool {
	return s.Type == o.Type && s.Start == o.Start && s.Increment == o.Increment &&
		s.Min == o.Min && s.Max == o.Max && s.Cache == o.Cache && s.Cycle == o.Cycle
}

// Enum is an enumerated type.
type Enum struct {
	Name    Name
	Values  []string
	Comment string
	Pos     Pos
	// Hints are the rename hints DESIRED gives the type and its labels.
	Hints EnumHints
}

// EnumHints are the rename hints of an enum type: the type's name in
// CURRENT, and the labels' (see the hints in DESIGN.md).
type EnumHints struct {
	// RenamedFrom is the type's name in CURRENT; zero when not renamed.
	RenamedFrom Name
	// LabelsFrom maps a label to its name in CURRENT.
	LabelsFrom map[string]string
	// Pos is where the type's hint is written (else the first label's),
	// LabelPos where each label's.
	Pos      Pos
	LabelPos map[string]Pos
}

// Unsupported is a statement the model does not represent.
type Unsupported struct {
	// Kind names the construct, e.g. "CREATE FUNCTION".
	Kind string
	// Object names the object the statement creates or alters, if known.
	Object string
	// Key identifies the statement's meaning independently of formatting,
	// so that the same statement in both files is recognised as unchanged.
	Key string
	Pos Pos
}
