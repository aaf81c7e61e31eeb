package diff

import (
	"fmt"
	"slices"

	"github.com/zdplan/zdplan/schema"
)

// This file holds the changes to PostgreSQL partitioned tables, their
// partitions and inheritance children. A new partition, or a dropped one,
// is a CreateTable or DropTable like any table's (the planner attaches or
// detaches it); what is compared here is how existing tables hang
// together.

// ChangePartitioning is a change PostgreSQL cannot make to an existing
// table in place: its partition key (PARTITION BY) changes, or a table
// becomes partitioned or stops being so, or a partition's bound or parent
// changes. It is not planned.
type ChangePartitioning struct {
	From, To *schema.Table
	// What says which of the above it is.
	What string
}

// AttachPartition makes an existing table a partition of To.PartitionOf
// (ALTER TABLE ... ATTACH PARTITION). From is the table as CURRENT has
// it, standalone.
type AttachPartition struct{ From, To *schema.Table }

// AddInherit makes an existing table an inheritance child of Parent
// (ALTER TABLE ... INHERIT).
type AddInherit struct {
	Table  *schema.Table
	Parent schema.Name
}

// DropInherit removes a parent of an inheritance child (ALTER TABLE ...
// NO INHERIT). The columns the child took from it become its own.
type DropInherit struct {
	Table  *schema.Table
	Parent schema.Name
}

func (ChangePartitioning) Kind() string { return "ChangePartitioning" }
func (AttachPartition) Kind() string    { return "AttachPartition" }
func (AddInherit) Kind() string         { return "AddInherit" }
func (DropInherit) Kind() string        { return "DropInherit" }

func (c ChangePartitioning) Object() string { return c.To.Name.String() }
func (c AttachPartition) Object() string    { return c.To.Name.String() }
func (c AddInherit) Object() string         { return c.Table.Name.String() }
func (c DropInherit) Object() string        { return c.Table.Name.String() }

func (c ChangePartitioning) Pos() schema.Pos { return c.To.Pos }
func (c AttachPartition) Pos() schema.Pos    { return c.To.Pos }
func (c AddInherit) Pos() schema.Pos         { return c.Table.Pos }
func (c DropInherit) Pos() schema.Pos        { return c.Table.Pos }

// partitioning compares how the tables present in both schemas are
// partitioned and inherit. It runs after the columns are added (a table
// to attach or inherit must have its parent's columns).
func (d *differ) partitioning() {
	for _, t := range d.to.Tables {
		old := d.from.Table(t.Name)
		if old == nil {
			continue
		}
		switch {
		case old.PartitionKey != t.PartitionKey:
			what := "partition key changed from " + old.PartitionBy + " to " + t.PartitionBy
			switch {
			case old.PartitionBy == "":
				what = "a plain table becomes partitioned (" + t.PartitionBy + ")"
			case t.PartitionBy == "":
				what = "a partitioned table (" + old.PartitionBy + ") becomes a plain table"
			}
			d.add(ChangePartitioning{From: old, To: t, What: what})
			continue
		case old.IsPartition() && t.IsPartition() && (old.PartitionOf != t.PartitionOf || old.PartitionBound != t.PartitionBound):
			what := "partition bound changed from " + old.PartitionBound + " to " + t.PartitionBound
			if old.PartitionOf != t.PartitionOf {
				what = "partition moved from " + old.PartitionOf.String() + " to " + t.PartitionOf.String()
			}
			d.add(ChangePartitioning{From: old, To: t, What: what})
			continue
		case !old.IsPartition() && t.IsPartition():
			if len(old.Inherits) > 0 {
				d.add(ChangePartitioning{From: old, To: t, What: "an inheritance child becomes a partition"})
				continue
			}
			if d.from.Table(t.PartitionOf) == nil {
				d.add(ChangePartitioning{From: old, To: t, What: "an existing table becomes a partition of a new table " + t.PartitionOf.String()})
				continue
			}
			d.add(AttachPartition{From: old, To: t})
			continue
		case old.IsPartition() && !t.IsPartition():
			if len(t.Inherits) > 0 {
				d.add(ChangePartitioning{From: old, To: t, What: "a partition becomes an inheritance child"})
				continue
			}
			// PostgreSQL keeps the partition's share of the parent's
			// keys and indexes as its own, under names of its own
			// choosing, which DESIRED cannot know.
			d.add(ChangePartitioning{From: old, To: t, What: "a partition becomes a standalone table (detach it by hand; dropping it is planned)"})
			continue
		}
		for _, p := range t.Inherits {
			if !slices.Contains(old.Inherits, p) {
				d.add(AddInherit{Table: t, Parent: p})
			}
		}
		for _, p := range old.Inherits {
			if !slices.Contains(t.Inherits, p) {
				d.add(DropInherit{Table: t, Parent: p})
			}
		}
	}
}

// inheritedElsewhere reports whether a column that only one side of a
// table declares as its own is one the other side takes from a parent:
// the database has it either way, so there is nothing to add or drop.
// A partition's columns are always its parent's.
func (d *differ) inheritedElsewhere(s *schema.Schema, t *schema.Table, col string) bool {
	if t == nil {
		return false
	}
	if t.IsPartition() {
		return true
	}
	return t.Column(col) == nil && s.EffectiveColumn(t, col) != nil
}

// derivedOnAttach reports whether a constraint of a table attached as a
// partition of parent becomes the partition's share of one of the
// parent's: a check of the same name, or a key on the same columns.
func derivedOnAttach(parent *schema.Table, c *schema.Constraint) bool {
	for _, pc := range parent.Constraints {
		switch {
		case c.Kind == schema.Check && pc.Kind == schema.Check && pc.Name == c.Name:
			return true
		case (c.Kind == schema.PrimaryKey || c.Kind == schema.Unique) && pc.Kind == c.Kind && slices.Equal(pc.Columns, c.Columns):
			return true
		}
	}
	return false
}

// derivedIndexOnAttach reports whether an index of a table attached as a
// partition of parent becomes the partition's share of an index of the
// parent's (ATTACH PARTITION attaches an index of the same definition
// instead of building one).
func derivedIndexOnAttach(indexes []*schema.Index, parent schema.Name, i *schema.Index) bool {
	for _, pi := range indexes {
		if pi.Table != parent {
			continue
		}
		a, b := *pi, *i
		a.Name, a.Table, a.Comment, a.Pos = schema.Name{}, schema.Name{}, "", schema.Pos{}
		b.Name, b.Table, b.Comment, b.Pos = schema.Name{}, schema.Name{}, "", schema.Pos{}
		if a.Equal(&b) {
			return true
		}
	}
	return false
}

// attachedAway reports whether a constraint of a table of CURRENT that
// DESIRED makes a partition is the partition's share of one of its new
// parent's: not dropped, ATTACH PARTITION takes it over.
func (d *differ) attachedAway(t *schema.Table, c *schema.Constraint) bool {
	nt := d.to.Table(t.Name)
	if nt == nil || t.IsPartition() || !nt.IsPartition() {
		return false
	}
	parent := d.to.Table(nt.PartitionOf)
	return parent != nil && derivedOnAttach(parent, c)
}

// indexAttachedAway is attachedAway for an index.
func (d *differ) indexAttachedAway(i *schema.Index) bool {
	t, nt := d.from.Table(i.Table), d.to.Table(i.Table)
	if t == nil || nt == nil || t.IsPartition() || !nt.IsPartition() {
		return false
	}
	return derivedIndexOnAttach(d.to.Indexes, nt.PartitionOf, i)
}

// partitionedParent reports whether a table is partitioned in CURRENT
// and DESIRED.
func (d *differ) partitionedParent(table schema.Name) bool {
	ft, tt := d.from.Table(table), d.to.Table(table)
	return ft != nil && tt != nil && ft.PartitionBy != "" && tt.PartitionBy != ""
}

// inheritanceMoved compares a column that one side of an inheritance
// child declares as its own and the other takes from a parent: the
// database has it either way, but a difference in its definition would
// have to be made around the INHERIT or NO INHERIT, which is not planned.
func (d *differ) inheritanceMoved(t *schema.Table, from, to *schema.Column) {
	if from == nil || to == nil || t.IsPartition() || d.from.Table(t.Name).IsPartition() {
		return
	}
	if !from.Type.Equal(*to.Type) || from.NotNull != to.NotNull || !from.Default.Equal(to.Default) || from.Extra().Collation != to.Extra().Collation {
		d.add(Unsupported{What: "change of column " + to.Name + " of an inheritance child together with the table it inherits it from",
			Name: t.Name.String() + "." + to.Name, At: to.Pos})
	}
}

// inheritedCheck reports whether t of s has check c by inheritance from a
// parent (a check of the same name and expression): a child that inherits
// it gets it with INHERIT, and keeps it as its own after NO INHERIT.
func inheritedCheck(s *schema.Schema, t *schema.Table, c *schema.Constraint) bool {
	if c.Kind != schema.Check || c.NoInherit {
		return false
	}
	seen := map[schema.Name]bool{}
	var walk func(t *schema.Table) bool
	walk = func(t *schema.Table) bool {
		for _, pn := range t.Parents() {
			pt := s.Table(pn)
			if pt == nil || seen[pn] {
				continue
			}
			seen[pn] = true
			if pc := pt.Constraint(c.Name); pc != nil && pc.Kind == schema.Check && pc.Check.Equal(c.Check) {
				return true
			}
			if walk(pt) {
				return true
			}
		}
		return false
	}
	return walk(t)
}

// partitionedUnsupported reports a constraint or index that the plan cannot
// add to an existing partitioned table the way it adds it to a plain one.
func (d *differ) partitionedUnsupported(t *schema.Table, c *schema.Constraint) bool {
	if t.PartitionBy == "" || d.from.Table(t.Name) == nil {
		return false
	}
	switch c.Kind {
	case schema.PrimaryKey, schema.Unique, schema.Exclude, schema.ForeignKey:
		d.add(Unsupported{What: c.Kind.String() + " constraint added to an existing partitioned table (no online way: it would build under a lock on every partition)",
			Name: t.Name.String() + "." + c.Name, At: c.Pos})
		return true
	}
	return false
}

// applyPartitions applies the changes of this file.
func (a *applier) applyPartitions(c Change) error {
	switch c := c.(type) {
	case AttachPartition:
		t, err := a.table(c.From.Name)
		if err != nil {
			return err
		}
		parent, err := a.table(c.To.PartitionOf)
		if err != nil {
			return err
		}
		t.Columns = nil
		t.PartitionOf, t.PartitionBound = c.To.PartitionOf, c.To.PartitionBound
		// What the parent has, the partition has by inheritance.
		t.Constraints = slices.DeleteFunc(t.Constraints, func(k *schema.Constraint) bool { return derivedOnAttach(parent, k) })
		a.s.Indexes = slices.DeleteFunc(a.s.Indexes, func(i *schema.Index) bool {
			return i.Table == t.Name && derivedIndexOnAttach(a.s.Indexes, parent.Name, i)
		})
	case AddInherit:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		t.Inherits = append(slices.Clone(t.Inherits), c.Parent)
	case DropInherit:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		// The checks it took from the parent stay too, as its own: find
		// them while the parent is still one.
		var kept []*schema.Constraint
		for _, k := range c.Table.Constraints {
			if t.Constraint(k.Name) == nil && inheritedCheck(a.s, t, k) {
				nk := *k
				kept = append(kept, &nk)
			}
		}
		t.Inherits = slices.DeleteFunc(slices.Clone(t.Inherits), func(n schema.Name) bool { return n == c.Parent })
		t.Constraints = append(slices.Clone(t.Constraints), kept...)
		// The columns it took from the parent stay, as its own.
		for _, col := range c.Table.Columns {
			if !slices.ContainsFunc(t.Columns, func(k *schema.Column) bool { return k.Name == col.Name }) {
				nc := *col
				t.Columns = append(t.Columns, &nc)
			}
		}
	case ChangePartitioning:
		return fmt.Errorf("unsupported: %s", c.What)
	default:
		return errUnknownChange
	}
	return nil
}
