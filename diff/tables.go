package diff

import (
	"errors"

	"github.com/zdplan/zdplan/schema"
)

// This file holds the changes to PostgreSQL table features beyond plain
// columns and constraints: identity columns, and what goes with them.

// AddIdentity makes an existing column an identity column (ALTER COLUMN
// ... ADD GENERATED ... AS IDENTITY). The column is NOT NULL in To; when it
// is nullable in From, a SetNotNull of the same diff tightens it first.
type AddIdentity struct {
	Table    *schema.Table
	From, To *schema.Column
}

// AlterIdentity changes an identity column's ALWAYS / BY DEFAULT or the
// options of its sequence.
type AlterIdentity struct {
	Table    *schema.Table
	From, To *schema.Column
}

// DropIdentity makes an identity column a plain one (DROP IDENTITY). The
// column's new nullability and default, which PostgreSQL accepts only
// once the identity is gone, are part of the change: To carries them.
type DropIdentity struct {
	Table    *schema.Table
	From, To *schema.Column
}

func (AddIdentity) Kind() string   { return "AddIdentity" }
func (AlterIdentity) Kind() string { return "AlterIdentity" }
func (DropIdentity) Kind() string  { return "DropIdentity" }

func (c AddIdentity) Object() string   { return columnName(c.Table, c.To) }
func (c AlterIdentity) Object() string { return columnName(c.Table, c.To) }
func (c DropIdentity) Object() string  { return columnName(c.Table, c.To) }

func (c AddIdentity) Pos() schema.Pos   { return c.To.Pos }
func (c AlterIdentity) Pos() schema.Pos { return c.To.Pos }
func (c DropIdentity) Pos() schema.Pos  { return c.To.Pos }

// identity adds the change of a column's identity. It returns false when
// the rest of the column's differences must not be compared: the change
// is unsupported, or it carries them itself.
func (d *differ) identity(t *schema.Table, from, to *schema.Column) (more bool) {
	switch {
	case identityEqual(from.Extra().Identity, to.Extra().Identity, from.Type, to.Type):
		return true
	case from.Extra().Identity == nil:
		if from.Default != nil {
			// serial to identity: the serial's sequence holds the name
			// PostgreSQL would give the identity's, and its value must
			// carry over; not planned yet.
			d.add(Unsupported{What: "adding an identity to a column that has a default (e.g. serial to identity)", Name: columnName(t, to), At: to.Pos})
			return false
		}
		d.add(AddIdentity{Table: t, From: from, To: to})
		return true
	case to.Extra().Identity == nil:
		if d.to.Sequence(from.Extra().Identity.Sequence.Name) != nil {
			// identity to serial under the identity sequence's name:
			// DROP IDENTITY would take the new default's sequence along.
			d.add(Unsupported{What: "replacing an identity by a sequence of the same name " + from.Extra().Identity.Sequence.Name.String(), Name: columnName(t, to), At: to.Pos})
			return false
		}
		if to.Extra().Generated != nil {
			d.add(Unsupported{What: "identity column turned into a generated column", Name: columnName(t, to), At: to.Pos})
			return false
		}
		d.add(DropIdentity{Table: t, From: from, To: to})
		// Type, collation and comment are still compared; nullability
		// and default go with the DropIdentity.
		if !from.Type.Equal(*to.Type) || from.Extra().Collation != to.Extra().Collation {
			d.add(AlterColumnType{Table: t, From: from, To: to})
		}
		return false
	default:
		d.add(AlterIdentity{Table: t, From: from, To: to})
		return true
	}
}

// identityEqual reports whether two identities are the same, given the
// types of their columns: a column's type change takes its identity
// sequence's type, and bounds that were the old type's, along (PostgreSQL
// does that itself), so only what differs beyond that counts.
func identityEqual(a, b *schema.Identity, at, bt *schema.Type) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if a.Always != b.Always {
		return false
	}
	sa, sb := *a.Sequence, *b.Sequence
	if at.Name != bt.Name {
		sa = retypedSequence(sa, sb.Type)
	}
	return sa.OptionsEqual(&sb)
}

// retypedSequence is an identity's sequence once its column's type has
// changed to one whose sequence type is typ, as PostgreSQL leaves it: of
// that type, and with bounds that were the old type's defaults now the
// new type's.
func retypedSequence(s schema.Sequence, typ string) schema.Sequence {
	if s.Type == typ {
		return s
	}
	lo, hi := seqBounds(s.Type, s.Increment)
	newLo, newHi := seqBounds(typ, s.Increment)
	if s.Min == lo {
		s.Min = newLo
	}
	if s.Max == hi {
		s.Max = newHi
	}
	s.Type = typ
	return s
}

// seqBounds are a sequence's default MINVALUE and MAXVALUE for its type
// and direction.
func seqBounds(typ string, increment int64) (lo, hi int64) {
	var top int64 = 1<<63 - 1
	switch typ {
	case "smallint":
		top = 1<<15 - 1
	case "integer":
		top = 1<<31 - 1
	}
	if increment < 0 {
		return -top - 1, -1
	}
	return 1, top
}

// applyTables applies the changes of this file.
func (a *applier) applyTables(c Change) error {
	switch c := c.(type) {
	case AddIdentity:
		col, err := a.column(c.Table.Name, c.From.Name)
		if err != nil {
			return err
		}
		col.SetExtra(func(e *schema.ColumnExtra) { e.Identity = c.To.Extra().Identity })
	case AlterIdentity:
		col, err := a.column(c.Table.Name, c.From.Name)
		if err != nil {
			return err
		}
		col.SetExtra(func(e *schema.ColumnExtra) { e.Identity = c.To.Extra().Identity })
	case DropIdentity:
		col, err := a.column(c.Table.Name, c.From.Name)
		if err != nil {
			return err
		}
		col.SetExtra(func(e *schema.ColumnExtra) { e.Identity = nil })
		col.NotNull, col.Default = c.To.NotNull, c.To.Default
	default:
		return errUnknownChange
	}
	return nil
}

var errUnknownChange = errors.New("unknown change kind")
