package diff

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/zdplan/zdplan/schema"
)

// Diff is the result of comparing two schemas.
type Diff struct {
	From, To *schema.Schema
	Changes  []Change
}

// Schemas returns the changes that turn from into to.
func Schemas(from, to *schema.Schema) *Diff {
	d := &differ{from: from, to: to}
	d.renameTables()
	d.renameEnums()
	// The passes from namespaces to typeComments read the two schemas and
	// write nothing but their changes, except that markRebuilt's views
	// are read by the passes after it: they run as two groups at once,
	// each adding to its own list, and the lists are joined in pass
	// order, so the changes are those the passes would add one after the
	// other. At 10,000 tables the diff is the longest step after the
	// parse, and the only one on one core.
	objects, tables := d.fork(), d.fork()
	done := make(chan struct{})
	go func() {
		defer close(done)
		tables.alteredSequences()
		tables.droppedConstraints()
		tables.markRebuilt()
		tables.droppedIndexes()
		tables.addedConstraints()
		tables.addedIndexes()
		tables.views()
		tables.policies()
		tables.comments()
		tables.typeComments()
	}()
	objects.namespaces()
	objects.collations()
	objects.enums()
	objects.domains()
	objects.compositeTypes()
	objects.rangeTypes()
	objects.routines()
	objects.newSequences()
	objects.newTables()
	objects.columns()
	objects.partitioning()
	objects.tableOptions()
	objects.storage()
	<-done
	d.changes = slices.Concat(d.changes, objects.changes, tables.changes)
	d.rebuilt, d.starOnly = tables.rebuilt, tables.starOnly
	// compositeComments and privileges read the changes before them.
	d.compositeComments()
	d.rangeComments()
	d.privileges()
	d.splits()
	d.droppedColumns()
	d.droppedTables()
	d.droppedSequences()
	d.droppedCompositeTypes()
	d.droppedDomains()
	d.droppedRoutines()
	d.droppedRangeTypes()
	d.droppedEnums()
	d.droppedCollations()
	d.droppedNamespaces()
	d.unsupported()
	return &Diff{From: d.from, To: to, Changes: d.changes}
}

type differ struct {
	from, to *schema.Schema
	changes  []Change
	// rebuilt are views dropped and created again by this diff; indexes
	// on rebuilt materialized views must be created again too.
	rebuilt map[schema.Name]bool
	// starOnly are rebuilt views whose definition is unchanged.
	starOnly map[schema.Name]bool
	// privsByRef indexes each schema's privileges by object (see aclPos).
	privsByRef map[*schema.Schema]map[schema.Ref][]*schema.Privilege
}

func (d *differ) add(c Change) { d.changes = append(d.changes, c) }

// fork returns a differ of the same schemas with no changes yet.
func (d *differ) fork() *differ { return &differ{from: d.from, to: d.to} }

func (d *differ) namespaces() {
	for _, ns := range d.to.Namespaces {
		if d.from.Namespace(ns.Name) == nil {
			d.add(CreateNamespace{ns})
		}
	}
}

func (d *differ) droppedNamespaces() {
	for _, ns := range slices.Backward(d.from.Namespaces) {
		if d.to.Namespace(ns.Name) == nil {
			d.add(DropNamespace{ns})
		}
	}
}

func (d *differ) enums() {
	for _, e := range d.to.Enums {
		old := d.from.Enum(e.Name)
		if old == nil {
			d.add(CreateEnum{e})
			continue
		}
		d.enumValues(old, e)
	}
}

// enumValues adds the labels that are new, each next to a label that
// exists already. Removing or reordering labels is not possible in place.
func (d *differ) enumValues(from, to *schema.Enum) {
	if len(to.Hints.LabelsFrom) > 0 {
		renamed := *from
		renamed.Values = d.renamedValues(from, to)
		from = &renamed
	}
	if slices.Equal(from.Values, to.Values) {
		return
	}
	// The old labels must appear in the new list in the same order.
	i := 0
	for _, v := range to.Values {
		if i < len(from.Values) && from.Values[i] == v {
			i++
		}
	}
	if i != len(from.Values) {
		d.add(ChangeEnumLabels{From: from, To: to})
		return
	}
	present := map[string]bool{}
	for _, v := range from.Values {
		present[v] = true
	}
	for j, v := range to.Values {
		if present[v] {
			continue
		}
		c := AddEnumValue{Enum: to, Value: v}
		if j > 0 {
			c.After = to.Values[j-1]
		} else {
			c.Before = to.Values[j+1]
		}
		d.add(c)
		present[v] = true
	}
}

func (d *differ) droppedEnums() {
	for _, e := range slices.Backward(d.from.Enums) {
		if d.to.Enum(e.Name) == nil {
			d.add(DropEnum{e})
		}
	}
}

func (d *differ) newSequences() {
	for _, s := range d.to.Sequences {
		if d.from.Sequence(s.Name) == nil {
			d.add(CreateSequence{s})
		}
	}
}

func (d *differ) alteredSequences() {
	for _, s := range d.to.Sequences {
		old := d.from.Sequence(s.Name)
		if old != nil && (!old.OptionsEqual(s) || !ownerEqual(old.OwnedBy, s.OwnedBy)) {
			d.add(AlterSequence{From: old, To: s})
		}
	}
}

func ownerEqual(a, b *schema.ColumnRef) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func (d *differ) droppedSequences() {
	for _, s := range slices.Backward(d.from.Sequences) {
		if d.to.Sequence(s.Name) != nil {
			continue
		}
		// A sequence owned by a dropped column or table goes with it.
		if o := s.OwnedBy; o != nil {
			if t := d.to.Table(o.Table); t == nil || t.Column(o.Column) == nil {
				if ft := d.from.Table(o.Table); ft != nil && ft.Column(o.Column) != nil {
					continue
				}
			}
		}
		d.add(DropSequence{s})
	}
}

func (d *differ) newTables() {
	for _, t := range d.to.Tables {
		if d.from.Table(t.Name) == nil {
			d.add(CreateTable{t})
		}
	}
}

// columns compares the columns of tables present in both schemas.
func (d *differ) columns() {
	for _, t := range d.to.Tables {
		old := d.from.Table(t.Name)
		if old == nil {
			continue
		}
		for i, c := range t.Columns {
			oc := old.ColumnNear(i, c.Name)
			if oc == nil && d.inheritedElsewhere(d.from, old, c.Name) {
				d.inheritanceMoved(t, d.from.EffectiveColumn(old, c.Name), c)
				continue
			}
			if oc == nil {
				if fc := d.caseOnly(old, c.Name); fc != nil {
					// The same column to MySQL, which compares column
					// names without case: adding one and dropping the
					// other would drop its data.
					d.add(Unsupported{What: fmt.Sprintf("change of letter case in the name of column %s (MySQL compares column names case-insensitively)", fc.Name),
						Name: t.Name.String() + "." + c.Name, At: c.Pos})
					continue
				}
				if r := d.renamedColumn(old, t, c); r != nil {
					if what := d.keyColumn(old, r.Name); what != "" {
						d.add(Unsupported{What: "rename of a column " + what, Name: t.Name.String() + "." + r.Name, At: c.Hint().Pos})
						continue
					}
					if d.partitionedParent(t.Name) || len(d.to.Children(t.Name)) > 0 || len(t.Parents()) > 0 {
						d.add(Unsupported{What: "rename of a column of a partitioned or inheritance table", Name: t.Name.String() + "." + r.Name, At: c.Hint().Pos})
						continue
					}
					d.add(RenameColumn{Table: t, From: r, To: c})
					continue
				}
				d.add(AddColumn{Table: t, Column: c})
				continue
			}
			d.column(t, oc, c)
		}
	}
}

func (d *differ) column(t *schema.Table, from, to *schema.Column) {
	if !d.identity(t, from, to) {
		return
	}
	if d.to.Dialect == "postgres" {
		if !d.generated(t, from, to) {
			return
		}
	} else if !from.Extra().Generated.Equal(to.Extra().Generated) {
		d.add(Unsupported{What: "change of generated expression on column", Name: columnName(t, to), At: to.Pos})
		return
	}
	if !from.Type.Equal(*to.Type) || from.Extra().Collation != to.Extra().Collation {
		if d.partitionedParent(t.Name) || len(d.to.Children(t.Name)) > 0 {
			d.add(Unsupported{What: "type change of a column of a partitioned table or inheritance parent (it would be changed in every partition and child)", Name: columnName(t, to), At: to.Pos})
			return
		}
		if v, why := d.viewInTheWay(t.Name); v != nil {
			d.add(Unsupported{What: fmt.Sprintf("type change of a column of a table read by %s %s, which %s", kindOfView(v), v.Name, why), Name: columnName(t, to), At: to.Pos})
			return
		}
		d.add(AlterColumnType{Table: t, From: from, To: to})
	}
	if from.NotNull && !to.NotNull {
		d.add(DropNotNull{Table: t, Column: to})
	}
	if !from.Default.Equal(to.Default) {
		if to.Default == nil {
			d.add(DropDefault{Table: t, Column: to})
		} else {
			d.add(SetDefault{Table: t, Column: to})
		}
	}
	if !from.NotNull && to.NotNull {
		d.add(SetNotNull{Table: t, Column: to})
	}
	if fx, tx := from.Extra(), to.Extra(); !maps.Equal(fx.Options, tx.Options) || fx.Charset != tx.Charset || !fx.OnUpdate.Equal(tx.OnUpdate) ||
		from.AutoIncrement != to.AutoIncrement || from.Virtual != to.Virtual {
		if d.to.Dialect == "mysql" {
			d.add(mysqlColumn(t, from, to))
			return
		}
		d.add(Unsupported{What: "change of column attributes", Name: columnName(t, to), At: to.Pos})
	}
}

// keyColumn says why a column cannot be renamed through a synced copy:
// it is part of the primary key, or other tables' foreign keys reference
// it — both would have to move with it.
func (d *differ) keyColumn(t *schema.Table, col string) string {
	if pk := t.PrimaryKey(); pk != nil && slices.Contains(pk.Columns, col) {
		return "of the primary key"
	}
	for _, c := range d.from.ForeignKeysTo(t.Name) {
		if slices.Contains(c.Ref.Columns, col) {
			return "referenced by foreign key " + c.Name
		}
	}
	return ""
}

// viewInTheWay returns a view that keeps a column type of table from
// changing, and why. PostgreSQL refuses to change the type of a column a
// view reads: the planner drops the views reading the table and creates
// them again around the change, in one transaction (see
// schema.ViewsReading), except a materialized view, whose repopulation
// would hold the table's lock for as long as its query runs, and a view
// that DESIRED drops, which stands until contract.
func (d *differ) viewInTheWay(table schema.Name) (*schema.View, string) {
	if d.to.Dialect == "mysql" {
		return nil, "" // MySQL views are not bound to column types
	}
	for _, v := range d.from.ViewsReading(table) {
		switch {
		case v.Materialized:
			return v, "would be repopulated under the table's lock"
		case d.to.View(v.Name) == nil:
			return v, "DESIRED drops (drop it in a migration of its own first)"
		}
	}
	return nil, ""
}

func kindOfView(v *schema.View) string {
	if v.Materialized {
		return "materialized view"
	}
	return "view"
}

func (d *differ) droppedColumns() {
	for _, t := range d.from.Tables {
		nt := d.to.Table(t.Name)
		if nt == nil {
			continue
		}
		for i, c := range t.Columns {
			if nt.ColumnNear(i, c.Name) != nil {
				continue
			}
			if d.inheritedElsewhere(d.to, nt, c.Name) {
				d.inheritanceMoved(nt, c, d.to.EffectiveColumn(nt, c.Name))
				continue
			}
			if !d.isRenamedAway(t, nt, c) && d.caseOnly(nt, c.Name) == nil {
				d.add(DropColumn{Table: t, Column: c})
			}
		}
	}
}

// caseOnly returns the column of t whose name differs from name only in
// letter case, in a MySQL schema, where the two are the same column; nil
// otherwise.
func (d *differ) caseOnly(t *schema.Table, name string) *schema.Column {
	if d.to.Dialect != "mysql" {
		return nil
	}
	for _, c := range t.Columns {
		if c.Name != name && strings.EqualFold(c.Name, name) {
			return c
		}
	}
	return nil
}

// caseOnlyIndex returns the index of s on i's table whose name differs
// from i's only in letter case, in a MySQL schema; nil otherwise.
func (d *differ) caseOnlyIndex(s *schema.Schema, i *schema.Index) *schema.Index {
	if d.to.Dialect != "mysql" {
		return nil
	}
	for _, o := range s.IndexesOn(i.Table) {
		if o.Name.Name != i.Name.Name && strings.EqualFold(o.Name.Name, i.Name.Name) {
			return o
		}
	}
	return nil
}

func (d *differ) droppedConstraints() {
	// Foreign keys first: one may depend on a unique constraint dropped
	// here too.
	for _, fkFirst := range []bool{true, false} {
		for _, t := range d.from.Tables {
			nt := d.to.Table(t.Name)
			if nt == nil {
				continue
			}
			for i, c := range t.Constraints {
				if (c.Kind == schema.ForeignKey) != fkFirst {
					continue
				}
				if nt.ConstraintNear(i, c.Name) == nil && !d.attachedAway(t, c) && !inheritedCheck(d.to, nt, c) {
					d.add(DropConstraint{Table: t, Constraint: c})
				}
			}
		}
	}
}

// constraintOrder creates what foreign keys need before them.
var constraintOrder = map[schema.ConstraintKind]int{schema.PrimaryKey: 0, schema.Unique: 1, schema.Check: 2, schema.ForeignKey: 3}

func (d *differ) addedConstraints() {
	var adds []Change
	kind := func(c Change) schema.ConstraintKind {
		if r, ok := c.(ReplaceConstraint); ok {
			return r.To.Kind
		}
		return c.(AddConstraint).Constraint.Kind
	}
	for _, t := range d.to.Tables {
		old := d.from.Table(t.Name)
		for i, c := range t.Constraints {
			switch {
			case old == nil && c.Kind == schema.ForeignKey:
				adds = append(adds, AddConstraint{Table: t, Constraint: c, NewTable: true})
			case old == nil:
				// Created with the table.
			default:
				oc := old.ConstraintNear(i, c.Name)
				switch {
				case oc == nil && d.partitionedUnsupported(t, c):
				case oc == nil && inheritedCheck(d.from, old, c):
				case oc == nil:
					adds = append(adds, AddConstraint{Table: t, Constraint: c})
				case !ConstraintEqual(d.to.Dialect, oc, c):
					adds = append(adds, ReplaceConstraint{Table: t, From: oc, To: c})
				}
			}
		}
	}
	slices.SortStableFunc(adds, func(a, b Change) int {
		return constraintOrder[kind(a)] - constraintOrder[kind(b)]
	})
	for _, a := range adds {
		d.add(a)
	}
}

func (d *differ) droppedIndexes() {
	for _, i := range d.from.Indexes {
		if d.to.Table(i.Table) == nil && d.to.View(i.Table) == nil {
			continue // dropped with its table
		}
		if d.to.Index(i.Table, i.Name.Name) == nil && d.caseOnlyIndex(d.to, i) == nil && !d.indexAttachedAway(i) {
			d.add(DropIndex{i})
		}
	}
}

func (d *differ) addedIndexes() {
	for _, i := range d.to.Indexes {
		oi := d.from.Index(i.Table, i.Name.Name)
		rebuilt := d.rebuilt[i.Table]
		if oi == nil && !rebuilt {
			if fi := d.caseOnlyIndex(d.from, i); fi != nil {
				// MySQL compares index names without case, but keeps the
				// spelling: a rename changes it, in the catalog only.
				renamed := *fi
				renamed.Name = i.Name
				if !renamed.Equal(i) {
					d.add(Unsupported{What: fmt.Sprintf("change of letter case in the name of index %s together with its definition", fi.Name.Name),
						Name: i.Table.String() + "." + i.Name.Name, At: i.Pos})
					continue
				}
				d.add(RenameIndex{From: fi, To: i})
				continue
			}
		}
		switch {
		case oi == nil || rebuilt:
			// An index on a table or materialized view (re)created by
			// this diff is built on an empty or freshly populated
			// relation.
			newTable := (d.from.Table(i.Table) == nil && d.to.Table(i.Table) != nil) ||
				(d.to.View(i.Table) != nil && (d.from.View(i.Table) == nil || rebuilt))
			d.add(AddIndex{Index: i, NewTable: newTable})
		case IndexEqual(d.to.Dialect, oi, i):
		case d.partitionedParent(i.Table):
			d.add(Unsupported{What: "change of an index of a partitioned table (CONCURRENTLY does not take partitioned indexes)", Name: i.Name.String(), At: i.Pos})
		default:
			d.add(ReplaceIndex{From: oi, To: i})
		}
	}
}

// markRebuilt finds the views that change, and with them every view that
// reads one of them: all are dropped and created again.
func (d *differ) markRebuilt() {
	changed := map[schema.Name]bool{}
	starChanged := map[schema.Name]bool{}
	for _, v := range d.to.Views {
		old := d.from.View(v.Name)
		if old == nil {
			continue
		}
		if !viewEqual(old, v) {
			changed[v.Name] = true
		} else if v.Star && d.refColumnsChanged(v) {
			changed[v.Name] = true
			starChanged[v.Name] = true
		}
	}
	// Views reading a changed view are rebuilt with it.
	for grew := true; grew; {
		grew = false
		for _, v := range d.to.Views {
			if changed[v.Name] || d.from.View(v.Name) == nil {
				continue
			}
			for _, r := range v.Refs {
				if changed[r] {
					changed[v.Name], starChanged[v.Name], grew = true, true, true
					break
				}
			}
		}
	}
	d.rebuilt, d.starOnly = changed, starChanged
}

// views drops removed views, then replaces changed ones and creates new
// ones in dependency order.
func (d *differ) views() {
	changed, starChanged := d.rebuilt, d.starOnly
	for _, v := range topoViews(d.from.Views, true) {
		if d.to.View(v.Name) == nil {
			d.add(DropView{v})
		}
	}
	for _, v := range topoViews(d.to.Views, false) {
		old := d.from.View(v.Name)
		switch {
		case old == nil:
			d.add(CreateView{v})
		case changed[v.Name]:
			d.add(ReplaceView{From: old, To: v, Rebuild: starChanged[v.Name]})
		case !schema.StorageParamsEqual(old.StorageParams, v.StorageParams):
			d.add(SetViewStorageParams{View: v, From: old})
		}
	}
}

func viewEqual(a, b *schema.View) bool {
	return a.Query.Key == b.Query.Key && slices.Equal(a.Columns, b.Columns) &&
		a.CheckOption == b.CheckOption && a.Materialized == b.Materialized && a.Security == b.Security
}

// refColumnsChanged reports whether a relation a view reads gained or lost
// columns or changed a column's type.
func (d *differ) refColumnsChanged(v *schema.View) bool {
	for _, r := range v.Refs {
		ft, tt := d.from.Table(r), d.to.Table(r)
		if ft == nil || tt == nil {
			continue
		}
		if len(ft.Columns) != len(tt.Columns) {
			return true
		}
		for i, c := range tt.Columns {
			if oc := ft.ColumnNear(i, c.Name); oc == nil || !oc.Type.Equal(*c.Type) {
				return true
			}
		}
	}
	return false
}

// topoViews orders views so that a view comes after the views it reads
// (reverse: before), keeping declaration order otherwise.
func topoViews(views []*schema.View, reverse bool) []*schema.View {
	byName := map[schema.Name]*schema.View{}
	for _, v := range views {
		byName[v.Name] = v
	}
	var out []*schema.View
	done := map[schema.Name]bool{}
	var visit func(v *schema.View)
	visit = func(v *schema.View) {
		if done[v.Name] {
			return
		}
		done[v.Name] = true
		for _, r := range v.Refs {
			if dep := byName[r]; dep != nil {
				visit(dep)
			}
		}
		out = append(out, v)
	}
	for _, v := range views {
		visit(v)
	}
	if reverse {
		slices.Reverse(out)
	}
	return out
}

func (d *differ) comments() {
	for _, ns := range d.to.Namespaces {
		old := d.from.Namespace(ns.Name)
		if (old == nil && ns.Comment != "") || (old != nil && old.Comment != ns.Comment) {
			d.add(SetComment{On: "SCHEMA", Name: schema.Name{Name: ns.Name}, Comment: ns.Comment, At: ns.Pos})
		}
	}
	for _, t := range d.to.Tables {
		old := d.from.Table(t.Name)
		if (old == nil && t.Comment != "") || (old != nil && old.Comment != t.Comment) {
			d.add(SetComment{On: "TABLE", Name: t.Name, Comment: t.Comment, At: t.Pos})
		}
		for i, c := range t.Columns {
			var oc *schema.Column
			if old != nil {
				oc = old.ColumnNear(i, c.Name)
			}
			if (oc == nil && c.Extra().Comment != "") || (oc != nil && oc.Extra().Comment != c.Extra().Comment) {
				d.add(SetComment{On: "COLUMN", Name: t.Name, Column: c.Name, Comment: c.Extra().Comment, At: c.Pos})
			}
		}
	}
	for _, v := range d.to.Views {
		old := d.from.View(v.Name)
		recreated := old == nil || d.rebuilt[v.Name]
		if (recreated && v.Comment != "") || (!recreated && old.Comment != v.Comment) {
			on := "VIEW"
			if v.Materialized {
				on = "MATERIALIZED VIEW"
			}
			d.add(SetComment{On: on, Name: v.Name, Comment: v.Comment, At: v.Pos})
		}
	}
	d.objectComments()
}

// droppedTables drops tables that reference others before those others.
func (d *differ) droppedTables() {
	var dropped []*schema.Table
	for _, t := range d.from.Tables {
		if d.to.Table(t.Name) == nil {
			dropped = append(dropped, t)
		}
	}
	isDropped := map[schema.Name]*schema.Table{}
	for _, t := range dropped {
		isDropped[t.Name] = t
	}
	done := map[schema.Name]bool{}
	var out []*schema.Table
	// A table is dropped once no remaining dropped table references it.
	for len(out) < len(dropped) {
		progress := false
		for _, t := range slices.Backward(dropped) {
			if done[t.Name] {
				continue
			}
			referenced := false
			for _, o := range dropped {
				if done[o.Name] || o == t {
					continue
				}
				for _, c := range o.Constraints {
					if c.Kind == schema.ForeignKey && c.Ref.Table == t.Name {
						referenced = true
					}
				}
			}
			if !referenced {
				done[t.Name] = true
				out = append(out, t)
				progress = true
			}
		}
		if !progress {
			// A cycle of foreign keys: drop its constraints first.
			for _, t := range dropped {
				for _, c := range t.Constraints {
					if c.Kind == schema.ForeignKey && isDropped[c.Ref.Table] != nil && c.Ref.Table != t.Name && !done[t.Name] {
						d.add(DropConstraint{Table: t, Constraint: c})
					}
				}
			}
			for _, t := range dropped {
				if !done[t.Name] {
					done[t.Name] = true
					out = append(out, t)
				}
			}
		}
	}
	for _, t := range out {
		d.add(DropTable{t})
	}
}

// unsupported reports statements the model does not cover that differ
// between the schemas: they would be silently wrong if ignored.
func (d *differ) unsupported() {
	count := func(s *schema.Schema) map[string]int {
		m := map[string]int{}
		for _, u := range s.Unsupported {
			m[u.Key]++
		}
		return m
	}
	fromKeys, toKeys := count(d.from), count(d.to)
	for _, u := range d.to.Unsupported {
		if fromKeys[u.Key] > 0 {
			fromKeys[u.Key]--
			continue
		}
		d.add(Unsupported{What: u.Kind + " added or changed", Name: u.Object, At: u.Pos})
	}
	for _, u := range d.from.Unsupported {
		if toKeys[u.Key] > 0 {
			toKeys[u.Key]--
			continue
		}
		d.add(Unsupported{What: u.Kind + " removed or changed", Name: u.Object, At: u.Pos})
	}
}
