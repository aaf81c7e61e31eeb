package diff

import (
	"fmt"
	"slices"

	"github.com/zdplan/zdplan/schema"
)

// This file diffs what PostgreSQL keeps about a table besides its columns
// and constraints: storage parameters (reloptions) and REPLICA IDENTITY;
// and a stored generated column made a plain one (DROP EXPRESSION).

// SetStorageParams changes an existing table's storage parameters to
// Table's: those that are new or changed are SET, those From has and
// Table does not are RESET.
type SetStorageParams struct {
	Table, From *schema.Table
}

// SetReplicaIdentity changes a table's REPLICA IDENTITY to Table's; From
// is the table in CURRENT, nil for a table this diff creates.
type SetReplicaIdentity struct {
	Table, From *schema.Table
}

// SetViewStorageParams changes a materialized view's storage parameters
// to View's, as SetStorageParams does a table's.
type SetViewStorageParams struct {
	View, From *schema.View
}

// DropExpression makes a stored generated column a plain one that keeps
// its values (ALTER COLUMN ... DROP EXPRESSION).
type DropExpression struct {
	Table    *schema.Table
	From, To *schema.Column
}

func (SetStorageParams) Kind() string     { return "SetStorageParams" }
func (SetViewStorageParams) Kind() string { return "SetViewStorageParams" }
func (SetReplicaIdentity) Kind() string   { return "SetReplicaIdentity" }
func (DropExpression) Kind() string       { return "DropExpression" }

func (c SetStorageParams) Object() string     { return c.Table.Name.String() }
func (c SetViewStorageParams) Object() string { return c.View.Name.String() }
func (c SetReplicaIdentity) Object() string   { return c.Table.Name.String() }
func (c DropExpression) Object() string       { return columnName(c.Table, c.To) }

func (c SetStorageParams) Pos() schema.Pos     { return c.Table.Pos }
func (c SetViewStorageParams) Pos() schema.Pos { return c.View.Pos }
func (c SetReplicaIdentity) Pos() schema.Pos   { return c.Table.Pos }
func (c DropExpression) Pos() schema.Pos       { return c.To.Pos }

// storage diffs the storage parameters and replica identities of
// PostgreSQL tables. A new table gets its parameters with CREATE TABLE,
// but its replica identity only once the index it may name exists.
func (d *differ) storage() {
	if d.to.Dialect != "postgres" {
		return
	}
	for _, t := range d.to.Tables {
		old := d.from.Table(t.Name)
		if old != nil && !schema.StorageParamsEqual(old.StorageParams, t.StorageParams) {
			d.add(SetStorageParams{Table: t, From: old})
		}
		var was string
		if old != nil {
			was = old.ReplicaIdentity
		}
		switch {
		case isIndexIdentity(t.ReplicaIdentity) && d.identityIndexChanged(t):
			// The index is built again under a temporary name and
			// swapped: the identity would be left on the old one.
			d.add(Unsupported{What: "replica identity on index " + t.ReplicaIdentity + ", which the plan builds again", Name: t.Name.String(), At: t.Pos})
		case was != t.ReplicaIdentity:
			d.add(SetReplicaIdentity{Table: t, From: old})
		}
	}
}

// isIndexIdentity reports whether a replica identity names an index.
func isIndexIdentity(ri string) bool { return ri != "" && ri != "FULL" && ri != "NOTHING" }

// identityIndexChanged reports whether the index t's replica identity
// names differs between the schemas: then the plan builds it again.
func (d *differ) identityIndexChanged(t *schema.Table) bool {
	name := t.ReplicaIdentity
	old := d.from.Table(t.Name)
	if old == nil {
		return false
	}
	if oc, nc := old.Constraint(name), t.Constraint(name); oc != nil && nc != nil {
		return !ConstraintEqual(d.to.Dialect, oc, nc)
	}
	if oi, ni := d.from.Index(t.Name, name), d.to.Index(t.Name, name); oi != nil && ni != nil {
		return !IndexEqual(d.to.Dialect, oi, ni)
	}
	return false
}

// generated diffs a column's generation expression; it returns false
// when the rest of the column's differences must not be compared.
func (d *differ) generated(t *schema.Table, from, to *schema.Column) (more bool) {
	switch {
	case from.Extra().Generated.Equal(to.Extra().Generated):
		return true
	case from.Extra().Generated != nil && to.Extra().Generated == nil:
		if !from.Type.Equal(*to.Type) || from.Extra().Collation != to.Extra().Collation {
			d.add(Unsupported{What: "generated column made a plain one and its type changed together (make it plain in one migration, change the type in the next)", Name: columnName(t, to), At: to.Pos})
			return false
		}
		if len(t.Inherits) > 0 || slices.ContainsFunc(d.to.Children(t.Name), func(c *schema.Table) bool { return !c.IsPartition() }) {
			// The trigger that computes the column for the old version
			// would fire for the parent's own rows only.
			d.add(Unsupported{What: "generated column of an inheritance parent or child made a plain one", Name: columnName(t, to), At: to.Pos})
			return false
		}
		d.add(DropExpression{Table: t, From: from, To: to})
		return true
	case from.Extra().Generated == nil:
		d.add(Unsupported{What: "plain column made a stored generated one: PostgreSQL has no ALTER COLUMN ... ADD " +
			"GENERATED ... AS (expression); dropping the column and adding it again rewrites the table under ACCESS " +
			"EXCLUSIVE and loses the column's indexes, and there is no online path (add a new generated column under " +
			"another name in a maintenance window, or keep the column plain and fill it from a trigger)", Name: columnName(t, to), At: to.Pos})
	default:
		d.add(Unsupported{What: fmt.Sprintf("change of the expression of stored generated column (from %s to %s): "+
			"PostgreSQL 15 has no ALTER COLUMN ... SET EXPRESSION; dropping the column and adding it again rewrites "+
			"the table under ACCESS EXCLUSIVE, loses the column's indexes and breaks readers in between, and there is "+
			"no online path (run it in a maintenance window, or make the column plain with DROP EXPRESSION, which zdplan "+
			"plans online, and keep it from a trigger)", from.Extra().Generated.SQL, to.Extra().Generated.SQL), Name: columnName(t, to), At: to.Pos})
	}
	return false
}

// applyStorage applies the changes of this file; it reports whether c was
// one of them.
func (a *applier) applyStorage(c Change) (bool, error) {
	switch c := c.(type) {
	case SetStorageParams:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return true, err
		}
		t.StorageParams = slices.Clone(c.Table.StorageParams)
	case SetViewStorageParams:
		i := slices.IndexFunc(a.s.Views, func(v *schema.View) bool { return v.Name == c.View.Name })
		if i < 0 {
			return true, fmt.Errorf("no view %s", c.View.Name)
		}
		v := *a.s.Views[i]
		v.StorageParams = slices.Clone(c.View.StorageParams)
		a.s.Views[i] = &v
	case SetReplicaIdentity:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return true, err
		}
		t.ReplicaIdentity = c.Table.ReplicaIdentity
	case DropExpression:
		col, err := a.column(c.Table.Name, c.From.Name)
		if err != nil {
			return true, err
		}
		col.SetExtra(func(e *schema.ColumnExtra) { e.Generated = nil })
	default:
		return false, nil
	}
	return true, nil
}
