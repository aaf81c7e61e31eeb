package planner

import (
	"fmt"
	"strings"

	"github.com/zdplan/zdplan/diff"
	pgq "github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

// Partitioned tables, partitions and inheritance children.
//
// A partition of a table the plan creates is created with CREATE TABLE
// ... PARTITION OF: nothing uses the parent yet. A new partition of an
// existing parent is created standalone (CREATE TABLE ... (LIKE parent))
// and then attached: CREATE TABLE ... PARTITION OF takes an ACCESS
// EXCLUSIVE lock on the parent, ATTACH PARTITION only SHARE UPDATE
// EXCLUSIVE, which lets reads and writes of the parent go on. When the
// parent has a DEFAULT partition, ATTACH must make sure that none of its
// rows belongs to the new partition, by scanning it under ACCESS
// EXCLUSIVE; a CHECK constraint on the default partition that excludes the
// new bound, added NOT VALID and validated online first, lets it skip the
// scan. A partition that DESIRED drops is detached CONCURRENTLY
// (PostgreSQL 14+; not possible while the parent has a DEFAULT partition)
// and then dropped, in contract.

const (
	lockAttach = "SHARE UPDATE EXCLUSIVE on the parent (reads and writes continue), ACCESS EXCLUSIVE on the attached table (brief)"
	lockDetach = "ACCESS EXCLUSIVE on the parent and the partition (brief, catalog only)"
)

// partitionSteps plans the changes of diff/partitions.go and the table,
// index and drop changes that partitioning plans differently; ok is false
// for any other change.
func (p *postgres) partitionSteps(c diff.Change) (steps []Step, ok bool) {
	switch c := c.(type) {
	case diff.CreateTable:
		if c.Table.IsPartition() && p.d.From.Table(c.Table.PartitionOf) != nil {
			return p.attachNewPartition(c), true
		}
	case diff.DropTable:
		t := c.Table
		if !t.IsPartition() {
			return nil, false
		}
		if p.d.To.Table(t.PartitionOf) == nil {
			// DROP TABLE of the parent drops its partitions; dropping
			// one alone would lock the parent for nothing.
			return nil, true
		}
		return p.dropPartition(c), true
	case diff.AttachPartition:
		return p.attachExisting(c), true
	case diff.AddInherit:
		return p.addInherit(c), true
	case diff.DropInherit:
		return p.dropInherit(c), true
	case diff.ChangePartitioning:
		return nil, true // not planned: rule ZD132 reports it
	case diff.AddIndex:
		if t := p.d.To.Table(c.Index.Table); t != nil && t.PartitionBy != "" && !c.NewTable {
			return p.partitionedIndex(c), true
		}
	case diff.DropIndex:
		if t := p.d.From.Table(c.Index.Table); t != nil && t.PartitionBy != "" {
			// DROP INDEX CONCURRENTLY does not take partitioned indexes.
			return []Step{step(Contract, rankDropIndex, c, "drop index "+c.Index.Name.String()+" of a partitioned table, with its partitions' indexes",
				fmt.Sprintf("DROP INDEX IF EXISTS %s;", qn(c.Index.Name)), "ACCESS EXCLUSIVE on the table and its partitions (brief, catalog only)")}, true
		}
	}
	return nil, false
}

// inherits is a catalog condition that holds while child is a partition
// or inheritance child of parent.
func inherits(child, parent schema.Name) string {
	return fmt.Sprintf("EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = to_regclass(%s) AND inhparent = to_regclass(%s))", lit(qn(child)), lit(qn(parent)))
}

// partitionClauses are what follows a CREATE TABLE's column list for a
// partitioned table, a partition or an inheritance child.
func partitionClauses(t *schema.Table) string {
	var b strings.Builder
	if len(t.Inherits) > 0 {
		var names []string
		for _, n := range t.Inherits {
			names = append(names, qn(n))
		}
		fmt.Fprintf(&b, " INHERITS (%s)", strings.Join(names, ", "))
	}
	if t.PartitionBy != "" {
		b.WriteString(" PARTITION BY " + t.PartitionBy)
	}
	return b.String()
}

// createPartition is CREATE TABLE ... PARTITION OF, for a partition of a
// table the plan creates.
func createPartition(t *schema.Table) string {
	var lines []string
	for _, c := range t.Constraints {
		if c.Kind != schema.ForeignKey {
			lines = append(lines, fmt.Sprintf("  CONSTRAINT %s %s", qi(c.Name), constraintSQL(c)))
		}
	}
	cons := ""
	if len(lines) > 0 {
		cons = " (\n" + strings.Join(lines, ",\n") + "\n)"
	}
	by := ""
	if t.PartitionBy != "" {
		by = " PARTITION BY " + t.PartitionBy
	}
	return fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s PARTITION OF %s%s %s%s%s;", qn(t.Name), qn(t.PartitionOf), cons, t.PartitionBound, by, storageClause(t))
}

// defaultPartition returns the DEFAULT partition of parent in s, other
// than except; nil when there is none.
func defaultPartition(s *schema.Schema, parent, except schema.Name) *schema.Table {
	for _, t := range s.Children(parent) {
		if t.IsPartition() && t.PartitionBound == "DEFAULT" && t.Name != except {
			return t
		}
	}
	return nil
}

// boundCheckName names the temporary check that stands for a bound while a
// partition is attached (on the table, or excluding it on the default
// partition).
func boundCheckName(table schema.Name, partition schema.Name, exclude bool) string {
	kind := "bound"
	if exclude {
		kind = "notbound"
	}
	return tempName(fmt.Sprintf("zdplan_%s_%08x", kind, fnv32(table.String()+"/"+partition.String())), "")
}

// BoundCondition is a boolean SQL expression that holds for exactly the
// rows a partition's bound takes, in the form PostgreSQL's own partition
// constraint has (so that its proofs recognise it); ok is false when zdplan
// cannot write one (an expression or multi-column key, a hash bound, the
// default partition).
func BoundCondition(s *schema.Schema, t *schema.Table) (string, bool) {
	parent := s.Table(t.PartitionOf)
	if parent == nil {
		return "", false
	}
	_, elems := pgq.PartitionKeyElems(parent.PartitionBy)
	if len(elems) != 1 {
		return "", false
	}
	col, ok := pgq.KeyColumn(elems[0])
	if !ok {
		return "", false
	}
	c := s.EffectiveColumn(parent, col)
	if c == nil {
		return "", false
	}
	typ := pgq.TypeSQL(*c.Type)
	value := func(v string) string { return v + "::" + typ }
	kind, from, to, in := pgq.BoundValues(t.PartitionBound)
	k := qi(col)
	switch kind {
	case "RANGE":
		if len(from) != 1 || len(to) != 1 {
			return "", false
		}
		parts := []string{fmt.Sprintf("(%s IS NOT NULL)", k)}
		if from[0] != "MINVALUE" && from[0] != "MAXVALUE" {
			parts = append(parts, fmt.Sprintf("(%s >= %s)", k, value(from[0])))
		}
		if to[0] != "MINVALUE" && to[0] != "MAXVALUE" {
			parts = append(parts, fmt.Sprintf("(%s < %s)", k, value(to[0])))
		}
		return "(" + strings.Join(parts, " AND ") + ")", true
	case "LIST":
		var vals []string
		null := false
		for _, v := range in {
			if v == "NULL" {
				null = true
				continue
			}
			vals = append(vals, value(v))
		}
		anyOf := fmt.Sprintf("(%s = ANY (ARRAY[%s]))", k, strings.Join(vals, ", "))
		switch {
		case len(vals) == 0 && null:
			return fmt.Sprintf("(%s IS NULL)", k), true
		case null:
			return fmt.Sprintf("((%s IS NULL) OR %s)", k, anyOf), true
		}
		return fmt.Sprintf("((%s IS NOT NULL) AND %s)", k, anyOf), true
	}
	return "", false
}

// attachNewPartition creates a partition of an existing parent standalone
// and attaches it, in expand.
func (p *postgres) attachNewPartition(c diff.CreateTable) []Step {
	t := c.Table
	elems := []string{"  LIKE " + qn(t.PartitionOf) + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING GENERATED"}
	for _, k := range t.Constraints {
		if k.Kind == schema.Check {
			elems = append(elems, fmt.Sprintf("  CONSTRAINT %s %s", qi(k.Name), constraintSQL(k)))
		}
	}
	by := ""
	if t.PartitionBy != "" {
		by = " PARTITION BY " + t.PartitionBy
	}
	create := withReverse(step(Expand, rankTable, c, fmt.Sprintf("create table %s with the columns of %s, to attach as its partition", t.Name, t.PartitionOf),
		fmt.Sprintf("CREATE TABLE IF NOT EXISTS %s (\n%s\n)%s%s;", qn(t.Name), strings.Join(elems, ",\n"), by, storageClause(t)), "ACCESS SHARE on "+t.PartitionOf.String()),
		fmt.Sprintf("DROP TABLE IF EXISTS %s;", qn(t.Name)))
	steps := []Step{create}
	steps = append(steps, p.attach(c, t, Expand, rankTable)...)
	return steps
}

// attach attaches a partition, with the default partition's rows checked
// online first.
func (p *postgres) attach(c diff.Change, t *schema.Table, ph Phase, rank int) []Step {
	var steps, after []Step
	if def := defaultPartition(p.d.From, t.PartitionOf, t.Name); def != nil && t.PartitionBound != "DEFAULT" && p.d.To.Table(def.Name) != nil {
		if cond, ok := BoundCondition(p.d.To, t); ok {
			name := boundCheckName(def.Name, t.Name, true)
			steps = append(steps,
				step(ph, rank, c, fmt.Sprintf("check that default partition %s holds no row of %s's bound (new rows of it are refused from here on; checked without a scan)", def.Name, t.Name),
					doIf("NOT "+constraintExists(def.Name, name), fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s CHECK (NOT %s) NOT VALID", qn(def.Name), qi(name), cond)), lockAccessExclusiveBrief),
				step(ph, rank, c, fmt.Sprintf("validate the check on default partition %s (reads it; writes continue)", def.Name),
					fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s;", qn(def.Name), qi(name)), lockShareUpdateExclusive))
			after = append(after, step(ph, rank, c, fmt.Sprintf("drop the temporary check on default partition %s", def.Name),
				fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s;", qn(def.Name), qi(name)), lockAccessExclusiveBrief))
		}
	}
	steps = append(steps, step(ph, rank, c, fmt.Sprintf("attach %s as a partition of %s", t.Name, t.PartitionOf),
		doIf("NOT "+inherits(t.Name, t.PartitionOf), fmt.Sprintf("ALTER TABLE %s ATTACH PARTITION %s %s", qn(t.PartitionOf), qn(t.Name), t.PartitionBound)), lockAttach))
	return append(steps, after...)
}

// attachExisting attaches a table that holds rows: a check of the bound,
// added NOT VALID and validated online, lets ATTACH skip its scan under
// ACCESS EXCLUSIVE.
func (p *postgres) attachExisting(c diff.AttachPartition) []Step {
	t := c.To
	var steps, after []Step
	if cond, ok := BoundCondition(p.d.To, t); ok {
		name := boundCheckName(t.Name, t.Name, false)
		steps = append(steps,
			step(Expand, rankNotValid, c, fmt.Sprintf("check that %s's rows fit its partition bound (new rows are checked from here on)", t.Name),
				doIf("NOT "+constraintExists(t.Name, name), fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s CHECK %s NOT VALID", qn(t.Name), qi(name), cond)), lockAccessExclusiveBrief),
			step(Backfill, rankValidate, c, fmt.Sprintf("validate the bound check on %s (reads it; writes continue)", t.Name),
				doIf(constraintExists(t.Name, name), fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s", qn(t.Name), qi(name))), lockShareUpdateExclusive))
		after = append(after, step(Backfill, rankValidate, c, fmt.Sprintf("drop the temporary bound check on %s", t.Name),
			fmt.Sprintf("ALTER TABLE %s DROP CONSTRAINT IF EXISTS %s;", qn(t.Name), qi(name)), lockAccessExclusiveBrief))
	}
	steps = append(steps, p.attach(c, t, Backfill, rankValidate)...)
	return append(steps, after...)
}

// dropPartition detaches a partition from its parent, which stays, and
// drops it, in contract.
func (p *postgres) dropPartition(c diff.DropTable) []Step {
	t := c.Table
	drop := step(Contract, rankDropTable, c, "drop table "+t.Name.String()+" (detached)",
		fmt.Sprintf("DROP TABLE IF EXISTS %s;", qn(t.Name)), "ACCESS EXCLUSIVE on the table (brief; nothing uses it any more)")
	if t.PartitionBound == "DEFAULT" || defaultPartition(p.d.From, t.PartitionOf, t.Name) != nil {
		// DETACH CONCURRENTLY refuses a parent with a default partition.
		return []Step{step(Contract, rankDropTable, c, fmt.Sprintf("detach partition %s from %s (not CONCURRENTLY: %s has a default partition)", t.Name, t.PartitionOf, t.PartitionOf),
			doIf(inherits(t.Name, t.PartitionOf), fmt.Sprintf("ALTER TABLE %s DETACH PARTITION %s", qn(t.PartitionOf), qn(t.Name))), lockDetach), drop}
	}
	cond := func(pending bool) string {
		not := "NOT "
		if pending {
			not = ""
		}
		return fmt.Sprintf("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = to_regclass(%s) AND inhparent = to_regclass(%s) AND %sinhdetachpending)",
			lit(qn(t.Name)), lit(qn(t.PartitionOf)), not)
	}
	detach := step(Contract, rankDropTable, c, fmt.Sprintf("detach partition %s from %s concurrently", t.Name, t.PartitionOf),
		fmt.Sprintf("ALTER TABLE %s DETACH PARTITION %s CONCURRENTLY;", qn(t.PartitionOf), qn(t.Name)),
		"SHARE UPDATE EXCLUSIVE on the parent (reads and writes continue; waits for the queries that use the partition)")
	detach.Transactional, detach.Guard = false, cond(false)
	// A detach that was interrupted leaves the partition pending: it is
	// finished with FINALIZE.
	finalize := step(Contract, rankDropTable, c, fmt.Sprintf("finish an interrupted detach of %s, if any", t.Name),
		fmt.Sprintf("ALTER TABLE %s DETACH PARTITION %s FINALIZE;", qn(t.PartitionOf), qn(t.Name)), lockShareUpdateExclusive)
	finalize.Transactional, finalize.Guard = false, cond(true)
	return []Step{detach, finalize, drop}
}

// partitionedIndex builds an index of an existing partitioned table
// without blocking writes, which CREATE INDEX CONCURRENTLY cannot do on a
// partitioned table: the parent's index is created ON ONLY the parent
// (catalog only, invalid until every partition has its share), each
// partition's is built CONCURRENTLY and attached to it.
func (p *postgres) partitionedIndex(c diff.AddIndex) []Step {
	i := c.Index
	ph, summary := Expand, ""
	if i.Unique && p.writtenByOldVersion(i.Table, indexColumns(i)) {
		ph = Contract
	}
	rank := tighten(ph, rankIndex)
	// Names of relations DESIRED holds, which PostgreSQL would not pick
	// (it knows the partitions' own indexes too, which the model does not
	// hold; a clash there makes the build fail loudly).
	taken := map[schema.Name]bool{}
	for _, t := range p.d.To.Tables {
		taken[t.Name] = true
	}
	for _, x := range p.d.To.Indexes {
		taken[x.Name] = true
	}
	for _, t := range p.d.To.Tables {
		for _, k := range t.Constraints {
			taken[schema.Name{Schema: t.Name.Schema, Name: k.Name}] = true
		}
	}
	var steps []Step
	var build func(idx *schema.Index, parent *schema.Index)
	build = func(idx *schema.Index, parent *schema.Index) {
		t := p.d.To.Table(idx.Table)
		if t == nil {
			t = p.d.From.Table(idx.Table)
		}
		if t.PartitionBy != "" {
			summary = fmt.Sprintf("create index %s on partitioned table %s only (catalog only; valid once its partitions have theirs)", idx.Name, idx.Table)
			sql := strings.Replace(indexSQL(idx, false), " ON "+qn(idx.Table), " ON ONLY "+qn(idx.Table), 1)
			steps = append(steps, step(ph, rank, c, summary, sql, "SHARE on "+idx.Table.String()+" (brief, catalog only)"))
			// Every partition needs its share before the parent's index is
			// valid, also those contract detaches: PostgreSQL does not
			// validate the index again once they are gone.
			parts := p.d.To.Children(idx.Table)
			for _, old := range p.d.From.Children(idx.Table) {
				if p.d.To.Table(old.Name) == nil {
					parts = append(parts, old)
				}
			}
			for _, part := range parts {
				if !part.IsPartition() {
					continue
				}
				pi := *idx
				pi.Table = part.Name
				pi.Name = schema.Name{Schema: part.Name.Schema, Name: partitionIndexName(idx, part, taken)}
				taken[pi.Name] = true
				build(&pi, idx)
			}
		} else {
			steps = append(steps, buildIndexConcurrently(c, idx, ph, rank, fmt.Sprintf("build index %s of partition %s online", idx.Name, idx.Table))...)
		}
		if parent != nil {
			steps = append(steps, step(ph, rank, c, fmt.Sprintf("attach index %s to %s", idx.Name, parent.Name),
				doIf(fmt.Sprintf("NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits WHERE inhrelid = to_regclass(%s))", lit(qn(idx.Name))),
					fmt.Sprintf("ALTER INDEX %s ATTACH PARTITION %s", qn(parent.Name), qn(idx.Name))), "SHARE UPDATE EXCLUSIVE on the indexes (brief)"))
		}
	}
	build(i, nil)
	return steps
}

// partitionIndexName names a partition's share of an index the way
// PostgreSQL names those it creates itself (CREATE TABLE ... PARTITION OF,
// ATTACH PARTITION): the partition's name, the index's columns ("expr" for
// an expression), "idx".
func partitionIndexName(i *schema.Index, part *schema.Table, taken map[schema.Name]bool) string {
	var cols []string
	for _, k := range i.Keys {
		if k.Column != "" {
			cols = append(cols, k.Column)
		} else {
			cols = append(cols, "expr")
		}
	}
	cols = append(cols, i.Include...)
	return pgq.IndexName(part.Name.Name, cols, func(n string) bool {
		return taken[schema.Name{Schema: part.Name.Schema, Name: n}]
	})
}

// addInherit makes an existing table an inheritance child. INHERIT needs
// the child to have every column and check of the parent already: those
// DESIRED's parent has and the table lacks are added first (a check NOT
// VALID, then validated online).
func (p *postgres) addInherit(c diff.AddInherit) []Step {
	var steps []Step
	child := p.d.From.Table(c.Table.Name)
	parent := p.d.To.Table(c.Parent)
	if child != nil && parent != nil {
		for _, col := range p.d.To.EffectiveColumns(parent) {
			if p.d.From.EffectiveColumn(child, col.Name) != nil {
				continue
			}
			withNotNull := col.NotNull && col.Default != nil
			steps = append(steps, step(Expand, rankAlterColumn, c, fmt.Sprintf("add column %s of %s to %s, which is to inherit it", col.Name, c.Parent, c.Table.Name),
				fmt.Sprintf("ALTER TABLE %s ADD COLUMN IF NOT EXISTS %s;", qn(c.Table.Name), columnSQL(c.Table, col, withNotNull)), lockAccessExclusiveBrief))
		}
		for _, k := range parent.Constraints {
			if k.Kind != schema.Check || k.NoInherit || child.Constraint(k.Name) != nil {
				continue
			}
			steps = append(steps,
				step(Expand, rankAlterColumn, c, fmt.Sprintf("add check %s of %s to %s NOT VALID, which is to inherit it", k.Name, c.Parent, c.Table.Name),
					doIf("NOT "+constraintExists(c.Table.Name, k.Name), fmt.Sprintf("ALTER TABLE %s ADD CONSTRAINT %s %s NOT VALID", qn(c.Table.Name), qi(k.Name), constraintSQL(k))), lockAccessExclusiveBrief),
				step(Expand, rankAlterColumn, c, fmt.Sprintf("validate check %s on %s (reads it; writes continue)", k.Name, c.Table.Name),
					fmt.Sprintf("ALTER TABLE %s VALIDATE CONSTRAINT %s;", qn(c.Table.Name), qi(k.Name)), lockShareUpdateExclusive))
		}
	}
	return append(steps, step(Expand, rankAlterColumn, c, fmt.Sprintf("make %s an inheritance child of %s", c.Table.Name, c.Parent),
		doIf("NOT "+inherits(c.Table.Name, c.Parent), fmt.Sprintf("ALTER TABLE %s INHERIT %s", qn(c.Table.Name), qn(c.Parent))),
		"ACCESS EXCLUSIVE on the child (brief), SHARE UPDATE EXCLUSIVE on the parent"))
}

// dropInherit stops a table inheriting from a parent, in contract: before
// the parent may be dropped, and after the old version, which may read
// the child's rows through the parent, is retired. A column this plan adds
// to the parent reaches the child too while it still inherits (in expand):
// the child drops it again once it has left, unless DESIRED gives it one.
func (p *postgres) dropInherit(c diff.DropInherit) []Step {
	steps := []Step{step(Contract, rankDropConstraint, c, fmt.Sprintf("stop %s inheriting from %s", c.Table.Name, c.Parent),
		doIf(inherits(c.Table.Name, c.Parent), fmt.Sprintf("ALTER TABLE %s NO INHERIT %s", qn(c.Table.Name), qn(c.Parent))),
		"ACCESS EXCLUSIVE on the child (brief), SHARE UPDATE EXCLUSIVE on the parent")}
	oldParent, newParent := p.d.From.Table(c.Parent), p.d.To.Table(c.Parent)
	if oldParent == nil || newParent == nil {
		return steps
	}
	for _, col := range p.d.To.EffectiveColumns(newParent) {
		if p.d.From.EffectiveColumn(oldParent, col.Name) != nil || p.d.To.EffectiveColumn(c.Table, col.Name) != nil {
			continue
		}
		steps = append(steps, step(Contract, rankDropConstraint, c, fmt.Sprintf("drop column %s, which %s took from %s while it still inherited", col.Name, c.Table.Name, c.Parent),
			dropColumnSQL(c.Table.Name, col.Name), lockAccessExclusiveBrief))
	}
	return steps
}
