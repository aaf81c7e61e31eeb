package rules

import (
	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/schema"
)

// The partitioning and inheritance rules.

// partitioningChanged is ZD132.
var partitioningChanged = &Rule{
	ID: "ZD132", Name: "partitioning-changed", Severity: Error, Unplanned: true,
	Summary: "partition key, partition bound or partitioned-ness of an existing table changed",
	Why: "PostgreSQL cannot change how an existing table is partitioned: there is no ALTER TABLE for a new " +
		"PARTITION BY, for turning a plain table into a partitioned one or back, or for changing a partition's " +
		"bound. Doing it means a new table and a copy of every row, which zdplan does not plan: a plan that " +
		"left it out would not end up as DESIRED.",
	Safe: "Create the new partitioned table under a new name (a new table is planned online), copy the rows in " +
		"batches while both versions write (a trigger or the application), switch the application over, then " +
		"drop the old table. For a bound change: detach the partition, move its rows, and attach a new one.",
	Unsafe:   "CREATE TABLE events (...) PARTITION BY RANGE (created_at); -- CURRENT: PARTITION BY LIST (kind)",
	Planned:  "no step; the finding names the table",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		Each(p, func(c diff.ChangePartitioning) {
			p.Report(c.Object(), c.Pos(), false, "%s: %s; PostgreSQL cannot do it in place and zdplan does not plan it", c.Object(), c.What)
		})
	},
}

// partitionAttachChecked is ZD133.
var partitionAttachChecked = &Rule{
	ID: "ZD133", Name: "partition-attach-scans", Severity: Warning,
	Summary: "partition attached to a table with a DEFAULT partition, or an existing table attached as a partition",
	Why: "ATTACH PARTITION must prove that no row is in the wrong place: that the attached table's rows fit its " +
		"bound, and that the parent's DEFAULT partition holds no row of that bound. Without a constraint that " +
		"proves it, it reads the whole table under an ACCESS EXCLUSIVE lock, which stops every read and write " +
		"of it meanwhile. A row of the new bound already in the default partition makes the attach fail.",
	Safe: "Add a CHECK constraint that says it (on the attached table: its bound; on the default partition: NOT " +
		"the bound) NOT VALID, validate it (SHARE UPDATE EXCLUSIVE: writes go on), attach, then drop the check. " +
		"Move the rows of the new range out of the default partition first.",
	Unsafe:   "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01'); -- events has a default partition",
	Planned:  "a new partition: CREATE TABLE (LIKE parent) and ATTACH (SHARE UPDATE EXCLUSIVE on the parent) in expand; the checks NOT VALID, validated, dropped after the attach, where zdplan can write the bound as a condition (a single-column key)",
	SeeAlso:  []string{"PostgreSQL docs: ALTER TABLE ... ATTACH PARTITION"},
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		check := func(c diff.Change, t *schema.Table, existing bool) {
			def := hasDefaultPartition(p.Diff.From, t)
			_, ok := planner.BoundCondition(p.Diff.To, t)
			switch {
			case !ok && (existing || def):
				p.Report(c.Object(), c.Pos(), false, "attaching %s to %s reads %s under ACCESS EXCLUSIVE (zdplan cannot write its bound %s as a check that spares the scan)",
					t.Name, t.PartitionOf, scanned(existing, def), t.PartitionBound)
			case def:
				p.Report(c.Object(), c.Pos(), true, "%s has a default partition: from expand on, rows of %s's bound are refused there until the attach, and one already there makes the plan fail; move them out first",
					t.PartitionOf, t.Name)
			case existing:
				p.Report(c.Object(), c.Pos(), true, "the rows of %s must fit its bound %s: a check, validated online, proves it before the attach", t.Name, t.PartitionBound)
			}
		}
		for _, c := range p.Diff.Changes {
			switch c := c.(type) {
			case diff.CreateTable:
				if c.Table.IsPartition() && p.Diff.From.Table(c.Table.PartitionOf) != nil && c.Table.PartitionBound != "DEFAULT" {
					check(c, c.Table, false)
				}
			case diff.AttachPartition:
				check(c, c.To, true)
			}
		}
	},
}

func hasDefaultPartition(s *schema.Schema, t *schema.Table) bool {
	if t.PartitionBound == "DEFAULT" {
		return false
	}
	for _, o := range s.Children(t.PartitionOf) {
		if o.IsPartition() && o.PartitionBound == "DEFAULT" && o.Name != t.Name {
			return true
		}
	}
	return false
}

func scanned(existing, def bool) string {
	switch {
	case existing && def:
		return "its rows and the default partition's"
	case existing:
		return "its rows"
	}
	return "the default partition"
}

// parentRowsChange is ZD134.
var parentRowsChange = &Rule{
	ID: "ZD134", Name: "parent-rows-change", Severity: Warning,
	Summary: "rows join or leave what queries on a parent table see (attach, detach, INHERIT, NO INHERIT)",
	Why: "A query on a partitioned or inheritance parent reads its partitions' or children's rows too. Attaching " +
		"an existing table or making it inherit adds its rows to every such query of the old application " +
		"version at once; detaching or NO INHERIT takes them away. DETACH PARTITION without CONCURRENTLY, the " +
		"only way while the parent has a DEFAULT partition, takes an ACCESS EXCLUSIVE lock on the parent, which " +
		"waits for every running query on it and stops every new one meanwhile.",
	Safe: "Check that the old version's queries on the parent expect the rows; detach CONCURRENTLY (PostgreSQL " +
		"14+), which needs the DEFAULT partition gone, or in a quiet period.",
	Unsafe:   "ALTER TABLE measurements DETACH PARTITION measurements_2020; -- a default partition exists",
	Planned:  "INHERIT and ATTACH of an existing table in expand/backfill; NO INHERIT and DETACH in contract, CONCURRENTLY where PostgreSQL allows it",
	Dialects: []string{"postgres"},
	Run: func(p *Pass) {
		for _, c := range p.Diff.Changes {
			switch c := c.(type) {
			case diff.AttachPartition:
				p.Report(c.Object(), c.Pos(), false, "the rows of %s join every query on %s once it is attached, the old version's too", c.Object(), c.To.PartitionOf)
			case diff.AddInherit:
				p.Report(c.Object(), c.Pos(), false, "the rows of %s join every query on %s once it inherits from it, the old version's too", c.Object(), c.Parent)
			case diff.DropInherit:
				if p.Diff.To.Table(c.Parent) != nil {
					p.Report(c.Object(), c.Pos(), false, "the rows of %s leave the queries on %s in contract (NO INHERIT)", c.Object(), c.Parent)
				}
			case diff.DropTable:
				t := c.Table
				if t.IsPartition() && p.Diff.To.Table(t.PartitionOf) != nil &&
					(t.PartitionBound == "DEFAULT" || hasDefaultPartition(p.Diff.From, t)) {
					p.Report(c.Object(), c.Pos(), false, "partition %s is detached from %s without CONCURRENTLY (%s has a default partition): ACCESS EXCLUSIVE on %s until it is done",
						t.Name, t.PartitionOf, t.PartitionOf, t.PartitionOf)
				}
			}
		}
	},
}
