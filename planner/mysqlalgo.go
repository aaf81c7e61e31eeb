package planner

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// MySQL servers a plan can target (Options.Target). The empty target
// plans for both: every statement uses an algorithm both servers support,
// which is the weaker of the two where they differ.
const (
	TargetMySQL   = "mysql"   // MySQL 8.0.29 or later
	TargetMariaDB = "mariadb" // MariaDB 10.6 or later
)

// Algorithm is how MySQL or MariaDB carries out an ALTER TABLE, from
// cheapest to most disruptive. The emitter writes it into every ALTER
// TABLE (ALGORITHM=..., LOCK=...), so a server that cannot do it that way
// fails the statement instead of silently falling back to a table copy.
type Algorithm int

// The algorithms, cheapest first.
const (
	// AlgInstant changes metadata only (ALGORITHM=INSTANT).
	AlgInstant Algorithm = iota
	// AlgInplace works in place without rebuilding the table; reads and
	// writes continue (ALGORITHM=INPLACE, LOCK=NONE): index builds,
	// metadata changes InnoDB cannot do instantly.
	AlgInplace
	// AlgRebuild rebuilds the table in place while reads and writes
	// continue (ALGORITHM=INPLACE, LOCK=NONE): online, but the whole table
	// is written again, and replicas apply it in one long event.
	AlgRebuild
	// AlgShared works in place but blocks writes while it runs
	// (ALGORITHM=INPLACE, LOCK=SHARED): FULLTEXT and SPATIAL index builds,
	// rebuilds of tables with a FULLTEXT index.
	AlgShared
	// AlgCopy copies the table row by row, blocking writes throughout
	// (ALGORITHM=COPY, LOCK=SHARED).
	AlgCopy
)

func (a Algorithm) String() string {
	switch a {
	case AlgInstant:
		return "INSTANT"
	case AlgInplace:
		return "INPLACE"
	case AlgRebuild:
		return "INPLACE (rebuild)"
	case AlgShared:
		return "INPLACE, LOCK=SHARED"
	case AlgCopy:
		return "COPY"
	}
	return fmt.Sprintf("Algorithm(%d)", int(a))
}

// Clause is the ALGORITHM and LOCK clause an ALTER TABLE ends with.
func (a Algorithm) Clause() string {
	switch a {
	case AlgInstant:
		return "ALGORITHM=INSTANT"
	case AlgInplace, AlgRebuild:
		return "ALGORITHM=INPLACE, LOCK=NONE"
	case AlgShared:
		return "ALGORITHM=INPLACE, LOCK=SHARED"
	}
	return "ALGORITHM=COPY, LOCK=SHARED"
}

// Lock describes, for Step.Lock, what the statement blocks. Every ALTER
// TABLE also takes a brief exclusive metadata lock at its start and end,
// bounded by the lock_wait_timeout each phase file sets.
func (a Algorithm) Lock() string {
	switch a {
	case AlgInstant:
		return "none (ALGORITHM=INSTANT: metadata only)"
	case AlgInplace:
		return "none (ALGORITHM=INPLACE, LOCK=NONE)"
	case AlgRebuild:
		return "none (ALGORITHM=INPLACE, LOCK=NONE: rebuilds the table online)"
	case AlgShared:
		return "shared: writes blocked while it runs (ALGORITHM=INPLACE, LOCK=SHARED)"
	}
	return "shared: writes blocked for the whole table copy (ALGORITHM=COPY)"
}

// BlocksWrites reports whether writes to the table wait for the whole
// statement.
func (a Algorithm) BlocksWrites() bool { return a >= AlgShared }

// myAlg is what each server can do for one change, and why.
type myAlg struct {
	mysql, mariadb Algorithm
	why            string
}

func both(a Algorithm, why string) myAlg { return myAlg{a, a, why} }

// on picks the algorithm for a target; for both servers, the weaker.
func (a myAlg) on(target string) Algorithm {
	switch target {
	case TargetMySQL:
		return a.mysql
	case TargetMariaDB:
		return a.mariadb
	}
	return max(a.mysql, a.mariadb)
}

// join is the algorithm a statement doing both a and b needs.
func (a myAlg) join(b myAlg) myAlg {
	out := myAlg{max(a.mysql, b.mysql), max(a.mariadb, b.mariadb), a.why}
	switch {
	case a.why == "":
		out.why = b.why
	case b.why != "" && b.why != a.why && max(b.mysql, b.mariadb) > max(a.mysql, a.mariadb):
		out.why = b.why
	}
	return out
}

// MySQLAlgorithm is the algorithm the plan uses for a change on a target
// ("", TargetMySQL or TargetMariaDB), with the reason for it; for a change
// planned as several ALTER TABLE statements, the most disruptive one. ok is
// false for changes that are not an ALTER TABLE of an existing table
// (CREATE TABLE, views, drops of whole tables). The planner writes its
// statements with this algorithm and the rules judge them by it, so the
// two cannot disagree.
func MySQLAlgorithm(d *diff.Diff, c diff.Change, target string) (alg Algorithm, why string, ok bool) {
	a, ok := mysqlAlg(d, c)
	return a.on(target), a.why, ok
}

func mysqlAlg(d *diff.Diff, c diff.Change) (myAlg, bool) {
	switch c := c.(type) {
	case diff.AddColumn:
		add, tightened := addedColumn(c.Column)
		a := addColumnAlg(d, c.Table, add)
		if tightened {
			a = a.join(columnAlg(d, c.Table, add, c.Column))
		}
		return a, true
	case diff.DropColumn:
		return dropColumnAlg(d, c.Table, c.Column), true
	case diff.AlterColumnType:
		return expandColumnAlg(d, c.Table, c.From, c.To), true
	case diff.DropNotNull:
		return expandColumnAlg(d, c.Table, nil, c.Column), true
	case diff.ModifyColumn:
		a := expandColumnAlg(d, c.Table, c.From, c.To)
		if mid := expandState(c.From, c.To); mid.AutoIncrement != c.To.AutoIncrement {
			a = a.join(columnAlg(d, c.Table, mid, c.To))
		}
		return a, true
	case diff.SetNotNull:
		from := oldColumn(d, c.Table, c.Column)
		if from == nil {
			return myAlg{}, false
		}
		return columnAlg(d, c.Table, expandState(from, c.Column), c.Column), true
	case diff.SetDefault, diff.DropDefault:
		return both(AlgInstant, "a default is metadata only"), true
	case diff.SetComment:
		switch {
		case d.From.Table(c.Name) == nil:
			return myAlg{}, false
		case c.On == "TABLE":
			return both(AlgInplace, "a table comment is metadata only"), true
		case c.On == "COLUMN":
			t := d.To.Table(c.Name)
			if t == nil || t.Column(c.Column) == nil || oldColumn(d, t, t.Column(c.Column)) == nil {
				return myAlg{}, false
			}
			return expandColumnAlg(d, t, nil, t.Column(c.Column)), true
		}
		return myAlg{}, false
	case diff.AddIndex:
		if c.NewTable {
			return myAlg{}, false
		}
		if t := d.To.Table(c.Index.Table); t != nil && keyAddedWithColumn(d, t, nil, c.Index) {
			return myAlg{}, false // made by its column's statement
		}
		return indexAlg(d.To.Table(c.Index.Table), c.Index), true
	case diff.ReplaceIndex:
		return indexAlg(d.To.Table(c.To.Table), c.To), true
	case diff.DropIndex:
		if d.To.Table(c.Index.Table) == nil {
			return myAlg{}, false
		}
		return both(AlgInplace, "dropping an index is metadata only"), true
	case diff.AddConstraint:
		if c.NewTable {
			return myAlg{}, false
		}
		if c.Constraint.Kind == schema.PrimaryKey && keyAddedWithColumn(d, c.Table, c.Constraint, nil) {
			return myAlg{}, false // made by its column's statement
		}
		return addConstraintAlg(d, c.Table, c.Constraint), true
	case diff.DropConstraint:
		return dropConstraintAlg(c.Constraint), true
	case diff.ReplaceConstraint:
		if c.From.Kind == schema.PrimaryKey && c.To.Kind == schema.PrimaryKey {
			return rebuildAlg(d, c.Table, "changing the primary key rebuilds the table (clustered index)"), true
		}
		if c.From.Kind == c.To.Kind {
			return addConstraintAlg(d, c.Table, c.To), true
		}
		return dropConstraintAlg(c.From).join(addConstraintAlg(d, c.Table, c.To)), true
	case diff.AlterTableOptions:
		return both(AlgCopy, "changing the engine or the default character set converts every row"), true
	}
	return myAlg{}, false
}

// addedColumn is the definition a new column is added with: nullable when
// it is NOT NULL without a value for existing rows, then tightened in
// contract (tightened is true).
func addedColumn(col *schema.Column) (add *schema.Column, tightened bool) {
	if col.NotNull && col.Default == nil && !col.AutoIncrement && col.Extra().Generated == nil {
		c := *col
		c.NotNull = false
		return &c, true
	}
	return col, false
}

func oldColumn(d *diff.Diff, t *schema.Table, col *schema.Column) *schema.Column {
	if ot := d.From.Table(t.Name); ot != nil {
		return ot.Column(col.Name)
	}
	return nil
}

// expandState is a changed column as it stands between expand and
// contract: the new definition, except what the old application version
// may still rely on — it stays nullable, keeps its default and its
// AUTO_INCREMENT until contract.
func expandState(from, to *schema.Column) *schema.Column {
	c := *to
	c.NotNull = from.NotNull && to.NotNull
	if to.Default == nil && !to.AutoIncrement {
		c.Default = from.Default
	}
	if from.AutoIncrement && !to.AutoIncrement {
		c.AutoIncrement = true
	}
	return &c
}

// expandColumnAlg is the algorithm of the expand-phase MODIFY COLUMN that
// takes a column from CURRENT to expandState. from may be nil: the column
// of CURRENT is looked up.
func expandColumnAlg(d *diff.Diff, t *schema.Table, from, to *schema.Column) myAlg {
	if from == nil {
		from = oldColumn(d, t, to)
	}
	if from == nil {
		return both(AlgInstant, "")
	}
	return columnAlg(d, t, from, expandState(from, to))
}

// fulltextTable reports whether the table has a FULLTEXT index in
// CURRENT: InnoDB then cannot add or drop columns instantly, nor rebuild
// the table with LOCK=NONE (checked on MariaDB 10.11; MySQL documents the
// same restriction).
func fulltextTable(d *diff.Diff, t schema.Name) bool {
	for _, i := range d.From.IndexesOn(t) {
		if i.Method == "FULLTEXT" {
			return true
		}
	}
	return false
}

// rebuildAlg is an online rebuild, or a rebuild under LOCK=SHARED on a
// table with a FULLTEXT index.
func rebuildAlg(d *diff.Diff, t *schema.Table, why string) myAlg {
	if fulltextTable(d, t.Name) {
		return both(AlgShared, why+"; the table has a FULLTEXT index, so writes wait")
	}
	return both(AlgRebuild, why)
}

func addColumnAlg(d *diff.Diff, t *schema.Table, col *schema.Column) myAlg {
	switch {
	case col.Extra().Generated != nil && !col.Virtual:
		return both(AlgCopy, "a STORED generated column is computed for every row by a table copy")
	case col.AutoIncrement:
		return both(AlgCopy, "an AUTO_INCREMENT column is numbered for every row by a table copy")
	case col.Default != nil && !myConstantDefault(col.Default):
		return both(AlgCopy, "a default expression is evaluated for every row by a table copy")
	case fulltextTable(d, t.Name):
		return both(AlgShared, "InnoDB adds columns to a table with a FULLTEXT index by a rebuild that blocks writes")
	}
	return both(AlgInstant, "a column appended with a constant default (or none) is metadata only")
}

func dropColumnAlg(d *diff.Diff, t *schema.Table, col *schema.Column) myAlg {
	if pk := t.PrimaryKey(); pk != nil && slices.Contains(pk.Columns, col.Name) {
		return both(AlgCopy, "dropping a primary key column changes the clustered index")
	}
	if fulltextTable(d, t.Name) {
		return both(AlgShared, "InnoDB drops columns of a table with a FULLTEXT index by a rebuild that blocks writes")
	}
	return both(AlgInstant, "dropping a column is metadata only (MySQL 8.0.29+, MariaDB 10.4+)")
}

// columnAlg is the algorithm of a MODIFY COLUMN from one definition to
// another. What a server does not document (or we did not verify) as
// online is planned as a copy: a copy always works, and is flagged.
func columnAlg(d *diff.Diff, t *schema.Table, from, to *schema.Column) myAlg {
	a := both(AlgInstant, "")
	add := func(b myAlg) { a = a.join(b) }
	cs := func(c *schema.Column) string { return columnCharset(d, t, c) }
	switch {
	case from.Type.Equal(*to.Type):
	case varcharWidening(*from.Type, *to.Type, bytesPerChar(cs(to))) && cs(from) == cs(to) && from.Extra().Collation == to.Extra().Collation:
		add(myAlg{AlgInplace, AlgInstant, "widening a varchar within its length-byte class is metadata only"})
	case enumAppend(*from.Type, *to.Type):
		add(both(AlgInstant, "values appended to an ENUM or SET are metadata only"))
	default:
		add(both(AlgCopy, fmt.Sprintf("changing the type from %s to %s copies the table", myTypeSQL(*from.Type), myTypeSQL(*to.Type))))
	}
	switch {
	case from.Extra().Charset != to.Extra().Charset:
		add(both(AlgCopy, "changing the character set converts every value by a table copy"))
	case from.Extra().Collation != to.Extra().Collation:
		// MariaDB changes the collation of an unindexed column in place;
		// MySQL documents no such case.
		mdb := AlgInstant
		if indexed(d, t.Name, to.Name) {
			mdb = AlgCopy
		}
		add(myAlg{AlgCopy, mdb, "changing the collation copies the table (MariaDB: not when the column is unindexed)"})
	}
	if from.NotNull != to.NotNull {
		add(rebuildAlg(d, t, "changing NULL/NOT NULL rebuilds the table"))
	}
	if from.AutoIncrement != to.AutoIncrement {
		add(both(AlgCopy, "adding or removing AUTO_INCREMENT copies the table"))
	}
	if !from.Extra().OnUpdate.Equal(to.Extra().OnUpdate) {
		// Checked on MariaDB 10.11; MySQL does not document it.
		add(myAlg{AlgCopy, AlgInstant, "changing ON UPDATE is metadata only on MariaDB; planned as a copy on MySQL"})
	}
	if from.Extra().Comment != to.Extra().Comment {
		add(myAlg{AlgInplace, AlgInstant, "a column comment is metadata only"})
	}
	if !from.Extra().Generated.Equal(to.Extra().Generated) || from.Virtual != to.Virtual {
		add(both(AlgCopy, "changing a generated column copies the table"))
	}
	return a
}

func indexed(d *diff.Diff, t schema.Name, col string) bool {
	for _, s := range []*schema.Schema{d.From, d.To} {
		for _, i := range s.IndexesOn(t) {
			for _, k := range i.Keys {
				if k.Column == col {
					return true
				}
			}
		}
	}
	return false
}

func indexAlg(t *schema.Table, i *schema.Index) myAlg {
	if i.Unique && t != nil {
		for _, k := range i.Keys {
			if col := t.Column(k.Column); col != nil && k.Length == 0 && isBlobType(*col.Type) {
				return both(AlgCopy, "a UNIQUE index on a whole BLOB or TEXT column is a hash over a hidden column, added by a table copy")
			}
		}
	}
	switch {
	case i.Method == "FULLTEXT":
		return both(AlgShared, "a FULLTEXT index is built under LOCK=SHARED (the first one also rebuilds the table on MySQL)")
	case i.Method == "SPATIAL":
		return both(AlgShared, "a SPATIAL index is built under LOCK=SHARED")
	}
	for _, k := range i.Keys {
		if k.Expr != nil {
			return both(AlgCopy, "an index on an expression adds a hidden generated column by a table copy")
		}
	}
	return both(AlgInplace, "an index is built in place while writes continue")
}

func addConstraintAlg(d *diff.Diff, t *schema.Table, c *schema.Constraint) myAlg {
	switch c.Kind {
	case schema.PrimaryKey:
		return rebuildAlg(d, t, "adding a primary key rebuilds the table (clustered index)")
	case schema.ForeignKey:
		return both(AlgInplace, "a foreign key is added in place with foreign_key_checks=0 and existing rows checked by a query")
	case schema.Unique:
		return both(AlgInplace, "a unique index is built in place while writes continue")
	}
	return both(AlgCopy, "ADD CONSTRAINT ... CHECK validates every row by a table copy")
}

func dropConstraintAlg(c *schema.Constraint) myAlg {
	if c.Kind == schema.PrimaryKey {
		return both(AlgCopy, "dropping the primary key without adding another copies the table")
	}
	return both(AlgInplace, "dropping a constraint is metadata only")
}

// columnCharset is the character set a string column has: its own, the
// table's default, or "" when neither is known.
func columnCharset(d *diff.Diff, t *schema.Table, c *schema.Column) string {
	if c.Extra().Charset != "" {
		return c.Extra().Charset
	}
	if cs := t.Options["charset"]; cs != "" {
		return cs
	}
	if c.Extra().Collation != "" {
		cs, _, _ := strings.Cut(c.Extra().Collation, "_")
		return cs
	}
	return ""
}

// bytesPerChar is the most bytes a character takes in a character set;
// 0 when the character set is unknown.
func bytesPerChar(charset string) int {
	switch charset {
	case "latin1", "ascii", "binary", "latin2", "cp1250", "cp1251", "cp1252":
		return 1
	case "ucs2":
		return 2
	case "utf8", "utf8mb3":
		return 3
	case "utf8mb4", "utf16", "utf32":
		return 4
	}
	return 0
}

// varcharWidening reports whether a VARCHAR (or VARBINARY) grows without
// its length prefix growing from one byte to two (255 bytes): InnoDB then
// changes only metadata. With an unknown character set (bpc 0), the
// prefix must stay the same for any character width.
func varcharWidening(from, to schema.Type, bpc int) bool {
	if from.Name != to.Name || (from.Name != "varchar" && from.Name != "varbinary") || len(from.Mods) != 1 || len(to.Mods) != 1 {
		return false
	}
	if from.Name == "varbinary" {
		bpc = 1
	}
	f, err1 := strconv.Atoi(from.Mods[0])
	n, err2 := strconv.Atoi(to.Mods[0])
	if err1 != nil || err2 != nil || n < f {
		return false
	}
	if bpc > 0 {
		return (f*bpc <= 255) == (n*bpc <= 255)
	}
	for w := 1; w <= 4; w++ {
		if (f*w <= 255) != (n*w <= 255) {
			return false
		}
	}
	return true
}

// enumAppend reports whether an ENUM or SET only gains values at the end
// without needing more storage bytes.
func enumAppend(from, to schema.Type) bool {
	if from.Name != to.Name || (from.Name != "enum" && from.Name != "set") || len(to.Mods) < len(from.Mods) ||
		!slices.Equal(from.Mods, to.Mods[:len(from.Mods)]) {
		return false
	}
	size := func(n int) int {
		if from.Name == "enum" {
			if n <= 255 {
				return 1
			}
			return 2
		}
		b := (n + 7) / 8
		if b > 4 {
			b = 8
		}
		return b
	}
	return size(len(from.Mods)) == size(len(to.Mods))
}

// isBlobType reports whether values of the type are stored off the row
// (BLOB, TEXT, JSON), so that an index needs a prefix length.
func isBlobType(t schema.Type) bool {
	switch t.Name {
	case "tinyblob", "blob", "mediumblob", "longblob", "tinytext", "text", "mediumtext", "longtext", "json":
		return true
	}
	return false
}
