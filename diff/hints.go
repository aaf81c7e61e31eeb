package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/parser"
	"github.com/zdplan/zdplan/schema"
)

// CheckHints reports a hint of DESIRED that cannot be followed, as a
// positioned error: a rename from a table or column CURRENT does not have,
// a split from a missing table, a conversion reading a missing column.
//
// A hint whose change has already happened (CURRENT has the new name and
// not the old one) is fine: schema files keep their hints after a rollout.
func CheckHints(from, to *schema.Schema) error {
	fail := func(pos schema.Pos, format string, args ...any) error {
		return &parser.Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	}
	if err := checkEnumHints(from, to); err != nil {
		return err
	}
	renamedTo := map[schema.Name]*schema.Table{}
	for _, t := range to.Tables {
		h := t.Hints
		if old := h.RenamedFrom; old != (schema.Name{}) {
			if prev := renamedTo[old]; prev != nil {
				return fail(h.Pos, "zdplan:renamed-from %s: table %s is already renamed to %s (line %d)", old, old, prev.Name, prev.Hints.Pos.Line)
			}
			renamedTo[old] = t
			switch {
			case from.Table(old) == nil && from.Table(t.Name) == nil:
				return fail(h.Pos, "zdplan:renamed-from %s: CURRENT has no table %s", old, old)
			case from.Table(old) != nil && from.Table(t.Name) != nil:
				return fail(h.Pos, "zdplan:renamed-from %s: CURRENT has both %s and %s", old, old, t.Name)
			case from.Table(old) != nil && to.Table(old) != nil:
				return fail(h.Pos, "zdplan:renamed-from %s: DESIRED still has table %s", old, old)
			case old.Schema != t.Name.Schema:
				return fail(h.Pos, "zdplan:renamed-from %s: moving a table to another schema is not supported", old)
			}
		}
		if sp := h.SplitFrom; sp != nil && from.Table(t.Name) == nil {
			src := from.Table(sp.From)
			switch {
			case src == nil:
				return fail(h.Pos, "zdplan:split-from %s: CURRENT has no table %s", sp.From, sp.From)
			case to.Table(sp.From) == nil:
				return fail(h.Pos, "zdplan:split-from %s: DESIRED drops table %s; the rows need it until contract", sp.From, sp.From)
			case t.Column(sp.Column) == nil:
				return fail(h.Pos, "zdplan:split-from %s: table %s has no column %s", sp.From, t.Name, sp.Column)
			case src.Column(sp.FromColumn) == nil:
				return fail(h.Pos, "zdplan:split-from %s: table %s has no column %s in CURRENT", sp.From, sp.From, sp.FromColumn)
			case len(splitColumns(t, src)) == 0:
				return fail(h.Pos, "zdplan:split-from %s: table %s has no column of the same name as one of %s", sp.From, t.Name, sp.From)
			}
		}
		old := from.Table(t.Name)
		if h.RenamedFrom != (schema.Name{}) && from.Table(h.RenamedFrom) != nil {
			old = from.Table(h.RenamedFrom)
		}
		if old == nil {
			continue
		}
		renamedCol := map[string]*schema.Column{}
		for _, c := range t.Columns {
			ch := c.Hint()
			if r := ch.RenamedFrom; r != "" {
				if prev := renamedCol[r]; prev != nil {
					return fail(ch.Pos, "zdplan:renamed-from %s: column %s is already renamed to %s (line %d)", r, r, prev.Name, prev.Hint().Pos.Line)
				}
				renamedCol[r] = c
				switch {
				case old.Column(r) == nil && old.Column(c.Name) == nil:
					return fail(ch.Pos, "zdplan:renamed-from %s: table %s has no column %s in CURRENT", r, old.Name, r)
				case old.Column(r) != nil && old.Column(c.Name) != nil:
					return fail(ch.Pos, "zdplan:renamed-from %s: table %s has both %s and %s in CURRENT", r, old.Name, r, c.Name)
				case old.Column(r) != nil && t.Column(r) != nil:
					return fail(ch.Pos, "zdplan:renamed-from %s: DESIRED still has column %s.%s", r, t.Name, r)
				}
			}
			for _, col := range ch.UsingColumns {
				if old.Column(col) == nil {
					return fail(ch.Pos, "zdplan:using: table %s has no column %s in CURRENT", old.Name, col)
				}
			}
			for _, col := range ch.BackfillColumns {
				if old.Column(col) == nil {
					return fail(ch.Pos, "zdplan:backfill: table %s has no column %s in CURRENT", old.Name, col)
				}
			}
		}
	}
	return nil
}

// splitColumns returns the columns of a split-off table that come from its
// source table: those of the same name, but for the join column.
func splitColumns(t, src *schema.Table) []string {
	var cols []string
	for _, c := range t.Columns {
		if c.Name != t.Hints.SplitFrom.Column && src.Column(c.Name) != nil {
			cols = append(cols, c.Name)
		}
	}
	return cols
}

// renameTables follows the renamed-from hints on tables: it emits a
// RenameTable for each, and replaces d.from by a copy of CURRENT in which
// the tables already carry their new names, so that the rest of the diff
// compares each table with itself. Constraints, indexes and sequences
// named after the old table are renamed too when DESIRED has them,
// unchanged, under a new name.
func (d *differ) renameTables() {
	renames := map[schema.Name]schema.Name{}
	var order []*schema.Table
	for _, t := range d.to.Tables {
		old := t.Hints.RenamedFrom
		if old == (schema.Name{}) || d.from.Table(old) == nil || d.from.Table(t.Name) != nil || d.to.Table(old) != nil || old.Schema != t.Name.Schema {
			continue
		}
		renames[old] = t.Name
		order = append(order, t)
	}
	if len(renames) == 0 {
		return
	}
	for _, t := range order {
		d.add(RenameTable{From: d.from.Table(t.Hints.RenamedFrom), To: t})
	}
	to := func(n schema.Name) schema.Name {
		if r, ok := renames[n]; ok {
			return r
		}
		return n
	}
	// Everything else is the same: a renamed table keeps its privileges.
	from := d.from.Copy()
	from.Tables, from.Indexes, from.Views, from.Sequences = nil, nil, nil, nil
	from.Privileges = renamePrivileges(d.from.Privileges, to)
	for _, t := range d.from.Tables {
		nt := *t
		nt.Name = to(t.Name)
		nt.Constraints = nil
		for _, c := range t.Constraints {
			nc := *c
			if c.Ref != nil {
				ref := *c.Ref
				ref.Table = to(ref.Table)
				nc.Ref = &ref
			}
			nt.Constraints = append(nt.Constraints, &nc)
		}
		if nt.Name != t.Name {
			nt.Columns = nil
			for _, c := range t.Columns {
				nc := *c
				nt.Columns = append(nt.Columns, &nc)
			}
		}
		from.Tables = append(from.Tables, &nt)
	}
	for _, i := range d.from.Indexes {
		ni := *i
		ni.Table = to(i.Table)
		from.Indexes = append(from.Indexes, &ni)
	}
	for _, v := range d.from.Views {
		nv := *v
		nv.Refs = nil
		for _, r := range v.Refs {
			nv.Refs = append(nv.Refs, to(r))
		}
		from.Views = append(from.Views, &nv)
	}
	for _, s := range d.from.Sequences {
		ns := *s
		if s.OwnedBy != nil {
			ns.OwnedBy = &schema.ColumnRef{Table: to(s.OwnedBy.Table), Column: s.OwnedBy.Column}
		}
		from.Sequences = append(from.Sequences, &ns)
	}
	from.Policies = renamePolicies(d.from.Policies, to)
	for _, t := range order {
		i := slices.IndexFunc(from.Tables, func(nt *schema.Table) bool { return nt.Name == t.Name })
		d.renameDependents(from, from.Tables[i], t)
	}
	d.from = from
}

// renameDependents renames the constraints, indexes and owned sequences
// of a renamed table that DESIRED has under another name but otherwise
// unchanged: typically names PostgreSQL derived from the old table name.
//
// It must not use from's lookup methods: they would cache the names it is
// changing.
func (d *differ) renameDependents(from *schema.Schema, old, t *schema.Table) {
	hasIndex := func(name string) bool {
		return slices.ContainsFunc(from.Indexes, func(i *schema.Index) bool { return i.Table == t.Name && i.Name.Name == name })
	}
	hasSequence := func(n schema.Name) bool {
		return slices.ContainsFunc(from.Sequences, func(s *schema.Sequence) bool { return s.Name == n })
	}
	for _, c := range old.Constraints {
		if t.Constraint(c.Name) != nil {
			continue
		}
		for _, nc := range t.Constraints {
			if old.Constraint(nc.Name) != nil {
				continue
			}
			renamed := *c
			renamed.Name = nc.Name
			if ConstraintEqual(d.to.Dialect, &renamed, nc) {
				d.add(RenameConstraint{Table: t, From: c.Name, To: nc.Name})
				c.Name = nc.Name
				break
			}
		}
	}
	for _, i := range from.Indexes {
		if i.Table != t.Name || d.to.Index(t.Name, i.Name.Name) != nil {
			continue
		}
		for _, ni := range d.to.Indexes {
			if ni.Table != t.Name || hasIndex(ni.Name.Name) {
				continue
			}
			renamed := *i
			renamed.Name = ni.Name
			if IndexEqual(d.to.Dialect, &renamed, ni) {
				orig := *i
				d.add(RenameIndex{From: &orig, To: ni})
				*i = renamed
				break
			}
		}
	}
	// Sequences owned by the table's columns: serial ones and identity
	// ones.
	for _, s := range from.Sequences {
		if s.OwnedBy == nil || s.OwnedBy.Table != t.Name || d.to.Sequence(s.Name) != nil {
			continue
		}
		for _, ns := range d.to.Sequences {
			if ns.OwnedBy != nil && *ns.OwnedBy == *s.OwnedBy && !hasSequence(ns.Name) {
				d.add(RenameSequence{From: &schema.Sequence{Name: s.Name}, To: ns})
				oldLit, newLit := "'"+s.Name.String()+"'", "'"+ns.Name.String()+"'"
				if col := old.Column(s.OwnedBy.Column); col != nil && col.Default != nil {
					col.Default = &schema.Expr{
						SQL: strings.ReplaceAll(col.Default.SQL, oldLit, newLit),
						Key: strings.ReplaceAll(col.Default.Key, oldLit, newLit),
					}
				}
				s.Name = ns.Name
				break
			}
		}
	}
	for _, c := range old.Columns {
		nc := t.Column(c.Name)
		if nc == nil {
			continue
		}
		cid, nid := c.Extra().Identity, nc.Extra().Identity
		if cid == nil || nid == nil || cid.Sequence.Name == nid.Sequence.Name {
			continue
		}
		d.add(RenameSequence{From: cid.Sequence, To: nid.Sequence})
		id := *cid
		seq := *id.Sequence
		seq.Name = nid.Sequence.Name
		id.Sequence = &seq
		c.SetExtra(func(e *schema.ColumnExtra) { e.Identity = &id })
	}
}

// renamedColumns returns, per table of DESIRED, the CURRENT columns that
// renamed-from hints consume.
func (d *differ) renamedColumn(old, t *schema.Table, c *schema.Column) *schema.Column {
	r := c.Hint().RenamedFrom
	if r == "" || old.Column(c.Name) != nil || t.Column(r) != nil {
		return nil
	}
	return old.Column(r)
}

func (d *differ) isRenamedAway(old, t *schema.Table, c *schema.Column) bool {
	return slices.ContainsFunc(t.Columns, func(nc *schema.Column) bool { return d.renamedColumn(old, t, nc) == c })
}

// splits emits a SplitTable for each new table split off an existing one.
func (d *differ) splits() {
	for _, t := range d.to.Tables {
		sp := t.Hints.SplitFrom
		if sp == nil || d.from.Table(t.Name) != nil {
			continue
		}
		src := d.from.Table(sp.From)
		if src == nil || d.to.Table(sp.From) == nil || src.Column(sp.FromColumn) == nil || t.Column(sp.Column) == nil {
			continue
		}
		if cols := splitColumns(t, src); len(cols) > 0 {
			d.add(SplitTable{Table: t, From: src, Split: *sp, Columns: cols})
		}
	}
}
