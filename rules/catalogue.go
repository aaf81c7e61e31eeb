package rules

import (
	"slices"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/schema"
)

// Catalogue lists every rule, in ID order.
var Catalogue = []*Rule{
	{
		ID: "ZD001", Name: "unsupported-construct", Severity: Error,
		Summary: "a construct zdplan does not model changed",
		Why: "zdplan plans only what its model covers. A statement it does not model (a function, trigger, " +
			"policy, partition, ...) that differs between CURRENT and DESIRED would be silently left out of the " +
			"plan, and the database would not end up as DESIRED.",
		Safe: "Write that part of the migration by hand, or keep the construct identical in both files " +
			"(an unchanged unsupported statement is only noted, not flagged).",
		Run: func(p *Pass) {
			Each(p, func(u diff.Unsupported) {
				p.Report(u.Name, u.At, false, "unsupported: %s; zdplan does not plan it", u.What)
			})
		},
	},
	{
		ID: "ZD101", Name: "add-not-null-column-without-default", Severity: Error,
		Summary: "NOT NULL column added to an existing table without a default",
		Why: "Existing rows have no value for the column, so ADD COLUMN ... NOT NULL fails on a populated table; " +
			"and rows the old application version inserts would not have one either.",
		Safe: "Give the column a constant DEFAULT, or a backfill value (-- zdplan:backfill <expr>). zdplan adds the " +
			"column nullable in expand and enforces NOT NULL in contract, which fails until existing rows are filled.",
		Run: func(p *Pass) {
			Each(p, func(a diff.AddColumn) {
				if col := a.Column; col.NotNull && col.Default == nil && col.Identity == nil && col.Generated == nil {
					p.Report(a.Object(), a.Pos(), false, "NOT NULL column %s has no default: existing rows and the old version's inserts have no value for it", a.Object())
				}
			})
		},
	},
	{
		ID: "ZD102", Name: "type-change-rewrites-table", Severity: Error,
		Summary: "column type change that rewrites the table",
		Why: "ALTER COLUMN ... TYPE rewrites every row and rebuilds the table's indexes while holding an ACCESS " +
			"EXCLUSIVE lock, unless the change is binary compatible (varchar widening, varchar to text, ...). " +
			"Every query on the table waits for the whole rewrite; a narrowing change can also fail or lose data.",
		Safe: "Add a new column of the new type, keep both in step with a trigger, backfill in batches, switch " +
			"the application, then drop the old column (zdplan's shadow-column strategy).",
		Run: func(p *Pass) {
			Each(p, func(a diff.AlterColumnType) {
				if p.Diff.To.Dialect == "postgres" && !planner.InPlaceTypeChange(a.From, a.To) {
					p.Report(a.Object(), a.Pos(), false, "changing %s from %s to %s rewrites the table under an ACCESS EXCLUSIVE lock", a.Object(), a.From.Type, a.To.Type)
				}
			})
		},
	},
	{
		ID: "ZD103", Name: "add-column-rewrites-table", Severity: Warning,
		Summary: "new column whose default or generation rewrites the table",
		Why: "A column with a volatile default (random(), clock_timestamp(), gen_random_uuid(), a serial), an identity " +
			"or a stored generated expression must be computed for every existing row: ADD COLUMN rewrites the " +
			"table under an ACCESS EXCLUSIVE lock.",
		Safe: "Add the column without the default, set the default (it then applies to new rows only), and " +
			"backfill existing rows in batches.",
		Run: func(p *Pass) {
			Each(p, func(a diff.AddColumn) {
				if planner.RewritesOnAdd(a.Column) {
					p.Report(a.Object(), a.Pos(), false, "adding %s rewrites %s under an ACCESS EXCLUSIVE lock", a.Object(), a.Table.Name)
				}
			})
		},
	},
	{
		ID: "ZD104", Name: "drop-column", Severity: Warning,
		Summary: "column dropped: its data is lost",
		Why: "Dropping a column deletes its data, and any query of the old application version that names the " +
			"column fails once it is gone.",
		Safe: "zdplan drops columns in contract, after the old version is retired. Make sure nothing else reads it.",
		Run: func(p *Pass) {
			Each(p, func(d diff.DropColumn) {
				p.Report(d.Object(), d.Pos(), true, "column %s is dropped in contract; its data is lost", d.Object())
			})
		},
	},
	{
		ID: "ZD105", Name: "drop-table", Severity: Warning,
		Summary: "table dropped: its data is lost",
		Why:     "Dropping a table deletes its rows, and the old application version fails on any query of it.",
		Safe:    "zdplan drops tables in contract, after the old version is retired. Make sure nothing else reads it.",
		Run: func(p *Pass) {
			Each(p, func(d diff.DropTable) {
				p.Report(d.Object(), d.Pos(), true, "table %s is dropped in contract; its rows are lost", d.Object())
			})
		},
	},
	{
		ID: "ZD106", Name: "possible-rename", Severity: Warning,
		Summary: "a column dropped and one of the same type added: maybe a rename",
		Why: "A diff cannot tell a rename from a drop and an add. Planned as drop + add, the column's data is lost " +
			"and the old application version breaks.",
		Safe: "If it is a rename, say so with a hint on the new column: -- zdplan:renamed-from <old name>.",
		Run: func(p *Pass) {
			type key struct {
				table schema.Name
				typ   string
			}
			dropped := map[key][]string{}
			Each(p, func(d diff.DropColumn) {
				k := key{d.Table.Name, d.Column.Type.String()}
				dropped[k] = append(dropped[k], d.Column.Name)
			})
			Each(p, func(a diff.AddColumn) {
				if olds := dropped[key{a.Table.Name, a.Column.Type.String()}]; len(olds) > 0 {
					slices.Sort(olds)
					p.Report(a.Object(), a.Pos(), false, "%s is added and %s.%s of the same type dropped: if this is a rename, add -- zdplan:renamed-from %s",
						a.Object(), a.Table.Name, olds[0], olds[0])
				}
			})
		},
	},
	{
		ID: "ZD107", Name: "set-not-null", Severity: Info,
		Summary: "SET NOT NULL on an existing column",
		Why: "SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock, and rows the old version writes " +
			"may still be NULL.",
		Safe: "zdplan enforces it in contract: a CHECK (col IS NOT NULL) NOT VALID, VALIDATE (no write lock), then " +
			"SET NOT NULL, which trusts the validated check instead of scanning.",
		Run: func(p *Pass) {
			Each(p, func(s diff.SetNotNull) {
				p.Report(s.Object(), s.Pos(), true, "%s becomes NOT NULL in contract via a validated CHECK", s.Object())
			})
		},
	},
	{
		ID: "ZD108", Name: "constraint-validation-lock", Severity: Info,
		Summary: "constraint added to an existing table",
		Why: "ADD CONSTRAINT validates every existing row while holding a lock that blocks writes (ACCESS EXCLUSIVE " +
			"for CHECK, SHARE ROW EXCLUSIVE for FOREIGN KEY); UNIQUE and PRIMARY KEY build their index under it.",
		Safe: "zdplan adds CHECK and FOREIGN KEY as NOT VALID and validates separately; UNIQUE and PRIMARY KEY get " +
			"an index built CONCURRENTLY first, then ADD CONSTRAINT ... USING INDEX. Constraints on columns the old " +
			"version writes are enforced only in contract.",
		Run: func(p *Pass) {
			for _, c := range p.Diff.Changes {
				switch a := c.(type) {
				case diff.AddConstraint:
					if !a.NewTable {
						p.Report(c.Object(), c.Pos(), true, "%s %s is added without a long write-blocking lock", a.Constraint.Kind, c.Object())
					}
				case diff.ReplaceConstraint:
					p.Report(c.Object(), c.Pos(), true, "%s %s is replaced without a long write-blocking lock", a.To.Kind, c.Object())
				}
			}
		},
	},
	{
		ID: "ZD109", Name: "index-without-concurrently", Severity: Info,
		Summary: "index built or dropped on an existing table",
		Why:     "CREATE INDEX and DROP INDEX block writes to the table for as long as they run.",
		Safe:    "zdplan uses CREATE INDEX CONCURRENTLY and DROP INDEX CONCURRENTLY, outside a transaction.",
		Run: func(p *Pass) {
			for _, c := range p.Diff.Changes {
				switch a := c.(type) {
				case diff.AddIndex:
					if !a.NewTable {
						p.Report(c.Object(), c.Pos(), true, "index %s is built CONCURRENTLY", c.Object())
					}
				case diff.ReplaceIndex, diff.DropIndex:
					p.Report(c.Object(), c.Pos(), true, "index %s is changed CONCURRENTLY", c.Object())
				}
			}
		},
	},
	{
		ID: "ZD110", Name: "view-replaced", Severity: Warning,
		Summary: "view definition changed",
		Why: "A view is code the application runs: from expand on, the old application version reads the new " +
			"definition. A removed or renamed output column breaks it.",
		Safe: "Keep the old output columns until contract (add, do not remove), or create a view under a new name.",
		Run: func(p *Pass) {
			Each(p, func(v diff.ReplaceView) {
				if !v.Rebuild {
					p.Report(v.Object(), v.Pos(), false, "view %s is replaced in expand; the old version reads the new definition", v.To.Name)
				}
			})
		},
	},
}
