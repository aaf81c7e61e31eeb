package diff

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// Apply returns the schema s becomes when changes are made to it, the way
// a database that ran them would have it: a dropped table takes its
// indexes with it, a renamed table's foreign keys, indexes and views
// follow the new name. s is not modified.
//
// It is the model of what a plan does, so that a diff can be checked
// against itself: Schemas(Apply(a, Schemas(a, b).Changes), b) has no
// changes. An Unsupported change cannot be applied and is an error.
func Apply(s *schema.Schema, changes []Change) (*schema.Schema, error) {
	a := &applier{s: clone(s)}
	acls := newACLApplier(a.s)
	for _, c := range changes {
		if done, err := acls.follow(a.s, c); done || err != nil {
			if err != nil {
				return nil, fmt.Errorf("apply %s %s: %w", c.Kind(), c.Object(), err)
			}
			continue
		}
		if err := a.apply(c); err != nil {
			return nil, fmt.Errorf("apply %s %s: %w", c.Kind(), c.Object(), err)
		}
	}
	acls.store(a.s)
	return a.s, nil
}

// clone copies s deeply enough for applier to change it in place:
// objects and their lists are new, values they share are never
// modified.
func clone(s *schema.Schema) *schema.Schema {
	out := &schema.Schema{Dialect: s.Dialect, Unsupported: slices.Clone(s.Unsupported), PublicComment: s.PublicComment,
		Privileges: slices.Clone(s.Privileges), DefaultPrivileges: slices.Clone(s.DefaultPrivileges)}
	for _, ns := range s.Namespaces {
		n := *ns
		out.Namespaces = append(out.Namespaces, &n)
	}
	for _, t := range s.Tables {
		out.Tables = append(out.Tables, cloneTable(t))
	}
	for _, i := range s.Indexes {
		n := *i
		out.Indexes = append(out.Indexes, &n)
	}
	for _, v := range s.Views {
		n := *v
		n.Refs = slices.Clone(v.Refs)
		out.Views = append(out.Views, &n)
	}
	for _, q := range s.Sequences {
		n := *q
		out.Sequences = append(out.Sequences, &n)
	}
	for _, e := range s.Enums {
		n := *e
		n.Values = slices.Clone(e.Values)
		out.Enums = append(out.Enums, &n)
	}
	out.Policies = clonePolicies(s.Policies)
	for _, d := range s.Domains {
		out.Domains = append(out.Domains, cloneDomain(d))
	}
	out.CompositeTypes = nil
	for _, c := range s.CompositeTypes {
		out.CompositeTypes = append(out.CompositeTypes, cloneComposite(c))
	}
	// Routines are replaced, never changed in place.
	out.Extensions = slices.Clone(s.Extensions)
	// So are range types and collations.
	out.RangeTypes = slices.Clone(s.RangeTypes)
	out.Collations = slices.Clone(s.Collations)
	out.Functions = slices.Clone(s.Functions)
	out.Triggers = slices.Clone(s.Triggers)
	return out
}

func cloneTable(t *schema.Table) *schema.Table {
	n := *t
	n.Columns, n.Constraints = nil, nil
	n.Options = maps.Clone(t.Options)
	n.StorageParams = slices.Clone(t.StorageParams)
	for _, c := range t.Columns {
		nc := *c
		n.Columns = append(n.Columns, &nc)
	}
	for _, c := range t.Constraints {
		nc := *c
		n.Constraints = append(n.Constraints, &nc)
	}
	return &n
}

type applier struct{ s *schema.Schema }

// The schema's own lookups cache names, which Apply changes: these search.

func (a *applier) table(n schema.Name) (*schema.Table, error) {
	for _, t := range a.s.Tables {
		if t.Name == n {
			return t, nil
		}
	}
	return nil, fmt.Errorf("no table %s", n)
}

func (a *applier) column(tn schema.Name, name string) (*schema.Column, error) {
	t, err := a.table(tn)
	if err != nil {
		return nil, err
	}
	for _, c := range t.Columns {
		if c.Name == name {
			return c, nil
		}
	}
	return nil, fmt.Errorf("no column %s in table %s", name, tn)
}

// remove deletes the elements of list for which match holds, and fails
// when there is none: a change that removes nothing does not fit s.
func remove[T any](list *[]T, match func(T) bool) error {
	n := len(*list)
	*list = slices.DeleteFunc(*list, match)
	if len(*list) == n {
		return fmt.Errorf("nothing to remove")
	}
	return nil
}

func (a *applier) dropIndexesOn(rel schema.Name) {
	a.s.Indexes = slices.DeleteFunc(a.s.Indexes, func(i *schema.Index) bool { return i.Table == rel })
}

func (a *applier) apply(c Change) error {
	s := a.s
	if ok, err := a.applyStorage(c); ok {
		return err
	}
	if ok, err := a.applySecurity(c); ok {
		return err
	}
	switch c := c.(type) {
	case CreateNamespace:
		ns := *c.Namespace
		s.Namespaces = append(s.Namespaces, &ns)
	case DropNamespace:
		return remove(&s.Namespaces, func(ns *schema.Namespace) bool { return ns.Name == c.Namespace.Name })
	case CreateEnum:
		e := *c.Enum
		e.Values = slices.Clone(e.Values)
		s.Enums = append(s.Enums, &e)
	case AddEnumValue:
		i := slices.IndexFunc(s.Enums, func(e *schema.Enum) bool { return e.Name == c.Enum.Name })
		if i < 0 {
			return fmt.Errorf("no enum")
		}
		e := s.Enums[i]
		at := len(e.Values)
		if c.After != "" {
			at = slices.Index(e.Values, c.After) + 1
		} else if c.Before != "" {
			at = slices.Index(e.Values, c.Before)
		}
		if at < 0 || (c.After != "" && at == 0) {
			return fmt.Errorf("no neighbour label")
		}
		e.Values = slices.Insert(slices.Clone(e.Values), at, c.Value)
	case RenameEnum:
		if !slices.ContainsFunc(s.Enums, func(e *schema.Enum) bool { return e.Name == c.From.Name }) {
			return fmt.Errorf("no enum")
		}
		r := renameTypes(s, map[schema.Name]schema.Name{c.From.Name: c.To.Name})
		s.Enums, s.Tables, s.Domains, s.CompositeTypes, s.RangeTypes = r.Enums, r.Tables, r.Domains, r.CompositeTypes, r.RangeTypes
	case RenameEnumValue:
		i := slices.IndexFunc(s.Enums, func(e *schema.Enum) bool { return e.Name == c.Enum.Name })
		if i < 0 {
			return fmt.Errorf("no enum")
		}
		e := *s.Enums[i]
		j := slices.Index(e.Values, c.From)
		if j < 0 || slices.Contains(e.Values, c.To) {
			return fmt.Errorf("no label %q to rename", c.From)
		}
		e.Values = slices.Clone(e.Values)
		e.Values[j] = c.To
		s.Enums[i] = &e
	case ChangeEnumLabels:
		i := slices.IndexFunc(s.Enums, func(e *schema.Enum) bool { return e.Name == c.From.Name })
		if i < 0 {
			return fmt.Errorf("no enum")
		}
		s.Enums[i].Values = slices.Clone(c.To.Values)
	case DropEnum:
		return remove(&s.Enums, func(e *schema.Enum) bool { return e.Name == c.Enum.Name })
	case CreateSequence:
		q := *c.Sequence
		s.Sequences = append(s.Sequences, &q)
	case AlterSequence:
		i := slices.IndexFunc(s.Sequences, func(q *schema.Sequence) bool { return q.Name == c.From.Name })
		if i < 0 {
			return fmt.Errorf("no sequence")
		}
		q := *c.To
		s.Sequences[i] = &q
	case DropSequence:
		return remove(&s.Sequences, func(q *schema.Sequence) bool { return q.Name == c.Sequence.Name })
	case RenameSequence:
		return a.renameSequence(c.From.Name, c.To.Name)
	case CreateTable:
		t := cloneTable(c.Table)
		// Foreign keys follow as AddConstraint changes.
		t.Constraints = slices.DeleteFunc(t.Constraints, func(k *schema.Constraint) bool { return k.Kind == schema.ForeignKey })
		s.Tables = append(s.Tables, t)
	case DropTable:
		a.dropIndexesOn(c.Table.Name)
		a.dropPoliciesOn(c.Table.Name)
		a.dropOwnedSequences(c.Table.Name, "")
		return remove(&s.Tables, func(t *schema.Table) bool { return t.Name == c.Table.Name })
	case RenameTable:
		return a.renameTable(c.From.Name, c.To.Name)
	case AddColumn:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		col := *c.Column
		t.Columns = append(t.Columns, &col)
	case DropColumn:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		a.dropOwnedSequences(c.Table.Name, c.Column.Name)
		return remove(&t.Columns, func(col *schema.Column) bool { return col.Name == c.Column.Name })
	case RenameColumn:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		if err := remove(&t.Columns, func(col *schema.Column) bool { return col.Name == c.From.Name }); err != nil {
			return err
		}
		col := *c.To
		t.Columns = append(t.Columns, &col)
	case AlterColumnType:
		col, err := a.column(c.Table.Name, c.From.Name)
		if err != nil {
			return err
		}
		col.Type = c.To.Type
		col.SetExtra(func(e *schema.ColumnExtra) { e.Collation = c.To.Extra().Collation })
		// The identity's sequence follows the column's type (see
		// identityEqual).
		if id, to := col.Extra().Identity, c.To.Extra().Identity; id != nil && to != nil {
			seq := retypedSequence(*id.Sequence, to.Sequence.Type)
			retyped := *id
			retyped.Sequence = &seq
			col.SetExtra(func(e *schema.ColumnExtra) { e.Identity = &retyped })
		}
	case SetNotNull, DropNotNull:
		t, name := notNullTarget(c)
		col, err := a.column(t, name)
		if err != nil {
			return err
		}
		_, col.NotNull = c.(SetNotNull)
	case SetDefault:
		col, err := a.column(c.Table.Name, c.Column.Name)
		if err != nil {
			return err
		}
		col.Default = c.Column.Default
	case DropDefault:
		col, err := a.column(c.Table.Name, c.Column.Name)
		if err != nil {
			return err
		}
		col.Default = nil
	case ModifyColumn:
		col, err := a.column(c.Table.Name, c.From.Name)
		if err != nil {
			return err
		}
		to := c.To.Extra()
		col.SetExtra(func(e *schema.ColumnExtra) {
			e.Options, e.Charset, e.OnUpdate = maps.Clone(to.Options), to.Charset, to.OnUpdate
		})
		col.AutoIncrement, col.Virtual = c.To.AutoIncrement, c.To.Virtual
	case AlterTableOptions:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		t.Options = maps.Clone(c.To)
	case AddConstraint:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		if t.Constraint(c.Constraint.Name) != nil {
			return fmt.Errorf("constraint exists")
		}
		k := *c.Constraint
		t.Constraints = append(t.Constraints, &k)
	case ReplaceConstraint:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(t.Constraints, func(k *schema.Constraint) bool { return k.Name == c.From.Name })
		if i < 0 {
			return fmt.Errorf("no constraint")
		}
		k := *c.To
		t.Constraints[i] = &k
	case DropConstraint:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		return remove(&t.Constraints, func(k *schema.Constraint) bool { return k.Name == c.Constraint.Name })
	case RenameConstraint:
		t, err := a.table(c.Table.Name)
		if err != nil {
			return err
		}
		i := slices.IndexFunc(t.Constraints, func(k *schema.Constraint) bool { return k.Name == c.From })
		if i < 0 {
			return fmt.Errorf("no constraint")
		}
		k := *t.Constraints[i]
		k.Name = c.To
		t.Constraints[i] = &k
	case AddIndex:
		// An index on a rebuilt materialized view is created again
		// under its own name.
		i := *c.Index
		if j := slices.IndexFunc(s.Indexes, func(o *schema.Index) bool { return sameIndex(o, c.Index) }); j >= 0 {
			s.Indexes[j] = &i
		} else {
			s.Indexes = append(s.Indexes, &i)
		}
	case DropIndex:
		return remove(&s.Indexes, func(i *schema.Index) bool { return sameIndex(i, c.Index) })
	case ReplaceIndex:
		i := slices.IndexFunc(s.Indexes, func(i *schema.Index) bool { return sameIndex(i, c.From) })
		if i < 0 {
			return fmt.Errorf("no index")
		}
		n := *c.To
		s.Indexes[i] = &n
	case RenameIndex:
		i := slices.IndexFunc(s.Indexes, func(i *schema.Index) bool { return sameIndex(i, c.From) })
		if i < 0 {
			return fmt.Errorf("no index")
		}
		n := *s.Indexes[i]
		n.Name = c.To.Name
		s.Indexes[i] = &n
	case CreateView:
		v := *c.View
		s.Views = append(s.Views, &v)
	case ReplaceView:
		i := slices.IndexFunc(s.Views, func(v *schema.View) bool { return v.Name == c.From.Name })
		if i < 0 {
			return fmt.Errorf("no view")
		}
		// The view is dropped and created again, and its comment with it
		// (a SetComment restores it). So are a materialized view's
		// indexes, but the diff lists their AddIndex changes before the
		// view's (the planner orders them): they are kept here.
		v := *c.To
		v.Comment, v.ColumnComments = "", nil
		s.Views[i] = &v
	case DropView:
		a.dropIndexesOn(c.View.Name)
		return remove(&s.Views, func(v *schema.View) bool { return v.Name == c.View.Name })
	case SetComment:
		return a.setComment(c)
	case SplitTable:
		// The rows move; the shapes are the CreateTable's and
		// DropColumn's business.
	case Unsupported:
		return fmt.Errorf("unsupported: %s", c.What)
	default:
		if ok, err := a.routine(c); ok {
			return err
		}
		if ok, err := a.applyComposite(c); ok {
			return err
		}
		if ok, err := a.applyRanges(c); ok {
			return err
		}
		if ok, err := a.applyType(c); ok {
			return err
		}
		if err := a.applyPartitions(c); err != errUnknownChange {
			return err
		}
		return a.applyTables(c)
	}
	return nil
}

// dropOwnedSequences drops the sequences owned by a table's column (any
// column when column is empty): the database drops them with it.
func (a *applier) dropOwnedSequences(table schema.Name, column string) {
	a.s.Sequences = slices.DeleteFunc(a.s.Sequences, func(q *schema.Sequence) bool {
		return q.OwnedBy != nil && q.OwnedBy.Table == table && (column == "" || q.OwnedBy.Column == column)
	})
}

func notNullTarget(c Change) (schema.Name, string) {
	if c, ok := c.(SetNotNull); ok {
		return c.Table.Name, c.Column.Name
	}
	d := c.(DropNotNull)
	return d.Table.Name, d.Column.Name
}

func sameIndex(a, b *schema.Index) bool { return a.Table == b.Table && a.Name.Name == b.Name.Name }

// renameTable renames a table and every reference to it.
func (a *applier) renameTable(from, to schema.Name) error {
	t, err := a.table(from)
	if err != nil {
		return err
	}
	t.Name = to
	a.renamePoliciesOn(from, to)
	for _, o := range a.s.Tables {
		for _, k := range o.Constraints {
			if k.Ref != nil && k.Ref.Table == from {
				// k is the table's own copy (cloneTable), its Ref is not.
				ref := *k.Ref
				ref.Table = to
				k.Ref = &ref
			}
		}
	}
	for _, i := range a.s.Indexes {
		if i.Table == from {
			i.Table = to
		}
	}
	for _, v := range a.s.Views {
		for j, r := range v.Refs {
			if r == from {
				v.Refs[j] = to
			}
		}
	}
	for _, q := range a.s.Sequences {
		if q.OwnedBy != nil && q.OwnedBy.Table == from {
			q.OwnedBy = &schema.ColumnRef{Table: to, Column: q.OwnedBy.Column}
		}
	}
	return nil
}

// renameSequence renames a sequence, owned or an identity column's, and
// the nextval default that names it.
func (a *applier) renameSequence(from, to schema.Name) error {
	found := false
	for _, q := range a.s.Sequences {
		if q.Name != from {
			continue
		}
		found = true
		q.Name = to
		if q.OwnedBy == nil {
			continue
		}
		if col, err := a.column(q.OwnedBy.Table, q.OwnedBy.Column); err == nil && col.Default != nil {
			oldLit, newLit := "'"+from.String()+"'", "'"+to.String()+"'"
			col.Default = &schema.Expr{
				SQL: strings.ReplaceAll(col.Default.SQL, oldLit, newLit),
				Key: strings.ReplaceAll(col.Default.Key, oldLit, newLit),
			}
		}
	}
	for _, t := range a.s.Tables {
		for _, col := range t.Columns {
			if cid := col.Extra().Identity; cid != nil && cid.Sequence != nil && cid.Sequence.Name == from {
				id := *cid
				q := *id.Sequence
				q.Name = to
				id.Sequence = &q
				col.SetExtra(func(e *schema.ColumnExtra) { e.Identity = &id })
				found = true
			}
		}
	}
	if !found {
		return fmt.Errorf("no sequence")
	}
	return nil
}

func (a *applier) setComment(c SetComment) error {
	if setRangeComment(a.s, c) {
		return nil
	}
	if ok, err := a.setObjectComment(c); ok {
		return err
	}
	if ok, err := a.setTypeComment(c); ok {
		return err
	}
	switch c.On {
	case "SCHEMA":
		for _, ns := range a.s.Namespaces {
			if ns.Name == c.Name.Name {
				ns.Comment = c.Comment
				return nil
			}
		}
		return fmt.Errorf("no schema")
	case "TABLE":
		t, err := a.table(c.Name)
		if err != nil {
			return err
		}
		t.Comment = c.Comment
	case "COLUMN":
		col, err := a.column(c.Name, c.Column)
		if err != nil {
			return err
		}
		col.SetExtra(func(e *schema.ColumnExtra) { e.Comment = c.Comment })
	case "VIEW", "MATERIALIZED VIEW":
		for _, v := range a.s.Views {
			if v.Name == c.Name {
				v.Comment = c.Comment
				return nil
			}
		}
		return fmt.Errorf("no view")
	default:
		if ok, err := a.routineComment(c); ok {
			return err
		}
		return fmt.Errorf("comment on %s", c.On)
	}
	return nil
}
