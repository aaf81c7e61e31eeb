package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/schema"
	"github.com/zdplan/zdplan/usage"
)

// Catalogue lists every rule, in ID order. docs/rules.md is generated from
// it (go test ./rules -update), so the two cannot drift apart.
var Catalogue = []*Rule{
	{
		ID: "ZD001", Name: "unsupported-construct", Severity: Error, Unplanned: true,
		Summary: "a construct zdplan does not model changed",
		Why: "zdplan plans only what its model covers. A statement it does not model (a function, trigger, " +
			"policy, partition, ...) that differs between CURRENT and DESIRED would be silently left out of the " +
			"plan, and the database would not end up as DESIRED.",
		Safe: "Write that part of the migration by hand, or keep the construct identical in both files " +
			"(an unchanged unsupported statement is only noted, not flagged).",
		Unsafe:  "CREATE FUNCTION f() ... -- changed between CURRENT and DESIRED",
		Planned: "no step; the finding names the statement and its file:line",
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
		Safe: "Give the column a constant DEFAULT, or a backfill value: -- zdplan:backfill <expr> (a constant, or an " +
			"expression over the row's columns). zdplan then fills existing rows and the old version's inserts.",
		Unsafe: "ALTER TABLE users ADD COLUMN name text NOT NULL;",
		Planned: "with a constant backfill value: expand ADD COLUMN ... NOT NULL DEFAULT <value> (catalog only), contract " +
			"DROP DEFAULT. With an expression: expand adds the column nullable with a trigger that fills it and a NOT VALID " +
			"check, backfill updates existing rows in batches and validates, contract sets NOT NULL. Without a hint: " +
			"NOT NULL in contract, which fails while rows are NULL, and this finding blocks.",
		SeeAlso: []string{"squawk adding-required-field", "strong_migrations add_column (NOT NULL)"},
		Run: func(p *Pass) {
			Each(p, func(a diff.AddColumn) {
				col := a.Column
				// Identity and AUTO_INCREMENT columns number existing rows.
				if !col.NotNull || col.Default != nil || col.Extra().Identity != nil || col.AutoIncrement || col.Extra().Generated != nil {
					return
				}
				if col.Hint().Backfill != nil {
					p.Report(a.Object(), a.Pos(), true, "NOT NULL column %s has no default: existing rows and the old version's inserts get the backfill value %s", a.Object(), col.Hint().Backfill.SQL)
					return
				}
				p.Report(a.Object(), a.Pos(), false, "NOT NULL column %s has no default: existing rows and the old version's inserts have no value for it; add -- zdplan:backfill <value>", a.Object())
			})
		},
	},
	{
		ID: "ZD102", Name: "type-change-rewrites-table", Severity: Error,
		Summary: "column type change that rewrites the table",
		Why: "ALTER COLUMN ... TYPE rewrites every row and rebuilds the table's indexes while holding an ACCESS " +
			"EXCLUSIVE lock, unless the change is binary compatible (varchar widening, varchar to text, ...). " +
			"Every query on the table waits for the whole rewrite.",
		Safe: "Add a new column of the new type, keep both in step with a trigger, backfill in batches, switch " +
			"the application, then swap the columns (zdplan's shadow-column strategy, the default; give the " +
			"conversion with -- zdplan:using <expr> when a cast is not enough).",
		Unsafe: "ALTER TABLE orders ALTER COLUMN amount TYPE numeric(12,2);",
		Planned: "shadow column: expand adds it with a sync trigger, backfill copies in batches, contract drops the old " +
			"column and renames the new one. In place (ALTER TYPE, with this finding blocking) when the column has an " +
			"index, a constraint, a view or a generated column depending on it, or with --type-change in-place.",
		SeeAlso:  []string{"squawk changing-column-type", "strong_migrations change_column"},
		Dialects: []string{"postgres"},
		Run: func(p *Pass) {
			Each(p, func(a diff.AlterColumnType) {
				if planner.InPlaceTypeChange(a.From, a.To) {
					return
				}
				if p.TypeChange == planner.TypeChangeShadow && planner.ShadowTypeChange(p.Diff, a.Table, a.From, a.To) {
					p.Report(a.Object(), a.Pos(), true, "changing %s from %s to %s would rewrite the table: planned through a shadow column", a.Object(), a.From.Type, a.To.Type)
					return
				}
				p.Report(a.Object(), a.Pos(), false, "changing %s from %s to %s rewrites the table under an ACCESS EXCLUSIVE lock", a.Object(), a.From.Type, a.To.Type)
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
		Unsafe:   "ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();",
		Planned:  "as written, with this finding",
		SeeAlso:  []string{"squawk adding-field-with-default", "strong_migrations add_column_default"},
		Dialects: []string{"postgres"},
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
		Safe:   "zdplan drops columns in contract, after the old version is retired. Make sure nothing else reads it.",
		Unsafe: "ALTER TABLE orders DROP COLUMN note;",
		Planned: "contract: ALTER TABLE IF EXISTS orders DROP COLUMN IF EXISTS note; and in expand, for a NOT NULL column " +
			"without a default, DROP NOT NULL, so that the new version, which no longer writes it, can insert rows",
		SeeAlso: []string{"squawk ban-drop-column", "strong_migrations remove_column", "atlas DS103"},
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
		Unsafe:  "DROP TABLE audit_log;",
		Planned: "contract: DROP TABLE IF EXISTS audit_log;",
		SeeAlso: []string{"squawk ban-drop-table", "atlas DS102"},
		Run: func(p *Pass) {
			Each(p, func(d diff.DropTable) {
				p.Report(d.Object(), d.Pos(), true, "table %s is dropped in contract; its rows are lost", d.Object())
			})
		},
	},
	{
		ID: "ZD106", Name: "possible-rename", Severity: Warning,
		Summary: "a column or table dropped and one of the same shape added: maybe a rename",
		Why: "A diff cannot tell a rename from a drop and an add. Planned as drop + add, the data is lost and " +
			"the old application version breaks.",
		Safe:    "If it is a rename, say so with a hint on the new column or table: -- zdplan:renamed-from <old name>.",
		Unsafe:  "last_name text dropped, surname text added",
		Planned: "drop + add, with this finding naming the hint to add",
		SeeAlso: []string{"squawk renaming-column", "strong_migrations rename_column", "atlas BC102"},
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
			shapes := map[string][]schema.Name{}
			Each(p, func(d diff.DropTable) {
				if d.Table.IsPartition() {
					return // a partition's columns are its parent's: the shape says nothing
				}
				shapes[tableShape(d.Table)] = append(shapes[tableShape(d.Table)], d.Table.Name)
			})
			Each(p, func(c diff.CreateTable) {
				if olds := shapes[tableShape(c.Table)]; len(olds) > 0 {
					p.Report(c.Object(), c.Pos(), false, "table %s is created and %s of the same columns dropped: if this is a rename, add -- zdplan:renamed-from %s above CREATE TABLE",
						c.Table.Name, olds[0], olds[0].Name)
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
		Unsafe:   "ALTER TABLE users ALTER COLUMN email SET NOT NULL;",
		Planned:  "contract: ADD CONSTRAINT ... CHECK (email IS NOT NULL) NOT VALID; VALIDATE; SET NOT NULL; DROP CONSTRAINT",
		SeeAlso:  []string{"squawk adding-not-nullable-field", "strong_migrations change_column_null"},
		Dialects: []string{"postgres"},
		Run: func(p *Pass) {
			Each(p, func(s diff.SetNotNull) {
				if b := s.Column.Hint().Backfill; b != nil {
					p.Report(s.Object(), s.Pos(), true, "%s becomes NOT NULL: NULLs get the backfill value %s from expand on, NOT NULL holds in contract", s.Object(), b.SQL)
					return
				}
				p.Report(s.Object(), s.Pos(), true, "%s becomes NOT NULL in contract via a validated CHECK (add -- zdplan:backfill <value> if it holds NULLs)", s.Object())
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
		Unsafe:  "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users;",
		Planned: "ADD CONSTRAINT ... NOT VALID, then VALIDATE CONSTRAINT",
		SeeAlso: []string{"squawk constraint-missing-not-valid", "squawk adding-foreign-key-constraint",
			"squawk disallowed-unique-constraint", "strong_migrations add_foreign_key", "strong_migrations add_check_constraint"},
		Dialects: []string{"postgres"},
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
		Unsafe:  "CREATE INDEX orders_user_id_idx ON orders (user_id);",
		Planned: "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_user_id_idx ON public.orders (user_id);",
		SeeAlso: []string{"squawk require-concurrent-index-creation", "squawk require-concurrent-index-deletion",
			"strong_migrations add_index", "strong_migrations remove_index"},
		Dialects: []string{"postgres"},
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
		Safe:    "Keep the old output columns until contract (add, do not remove), or create a view under a new name.",
		Unsafe:  "CREATE OR REPLACE VIEW active_users AS SELECT id FROM users; -- was: SELECT id, email",
		Planned: "expand: the view (and views reading it) dropped and recreated in one transaction",
		Run: func(p *Pass) {
			Each(p, func(v diff.ReplaceView) {
				if !v.Rebuild {
					p.Report(v.Object(), v.Pos(), false, "view %s is replaced in expand; the old version reads the new definition", v.To.Name)
				}
			})
		},
	},
	{
		ID: "ZD111", Name: "enum-labels-removed", Severity: Error, Unplanned: true,
		Summary: "enum labels removed or reordered",
		Why: "PostgreSQL can add a label to an enum type but not remove or reorder one; rows may still hold a " +
			"removed label, and the old application version may still write it.",
		Safe: "Create a new enum type, convert the columns to it (shadow column with -- zdplan:using), then drop " +
			"the old type in contract.",
		Unsafe:   "CREATE TYPE mood AS ENUM ('happy'); -- was: ('sad', 'happy')",
		Planned:  "no step; this finding blocks",
		Dialects: []string{"postgres"},
		Run: func(p *Pass) {
			Each(p, func(c diff.ChangeEnumLabels) {
				var removed []string
				for _, v := range c.From.Values {
					if !slices.Contains(c.To.Values, v) {
						removed = append(removed, strconv.Quote(v))
					}
				}
				what := "reordered"
				if len(removed) > 0 {
					what = fmt.Sprintf("loses labels %v", removed)
				}
				p.Report(c.Object(), c.Pos(), false, "enum %s %s: PostgreSQL can only add labels", c.To.Name, what)
			})
		},
	},
	{
		ID: "ZD112", Name: "table-without-primary-key", Severity: Warning,
		Summary: "table without a primary key",
		Why: "Without a primary key, rows cannot be addressed one batch at a time: a backfill of the table has " +
			"to update it in one long statement, and logical replication cannot replicate its updates.",
		Safe:    "Give the table a primary key (bigint identity, or a natural key).",
		Unsafe:  "CREATE TABLE events (payload jsonb);",
		Planned: "as written, with this finding",
		Run: func(p *Pass) {
			Each(p, func(c diff.CreateTable) {
				// A partition has its parent's key, which is reported there.
				if c.Table.PrimaryKey() == nil && !c.Table.IsPartition() {
					p.Report(c.Object(), c.Pos(), false, "table %s has no primary key", c.Table.Name)
				}
			})
		},
	},
	{
		ID: "ZD113", Name: "int-primary-key", Severity: Warning,
		Summary: "new primary key on a 32-bit (or smaller) integer",
		Why: "An integer or serial key runs out at 2,147,483,647 rows; widening it later rewrites the table and " +
			"every table that references it.",
		Safe:    "Use bigint, preferably GENERATED ... AS IDENTITY.",
		Unsafe:  "CREATE TABLE orders (id serial PRIMARY KEY);",
		Planned: "as written, with this finding",
		SeeAlso: []string{"squawk prefer-bigint-over-int", "squawk prefer-identity"},
		Run: func(p *Pass) {
			check := func(c diff.Change, t *schema.Table, pk *schema.Constraint) {
				for _, name := range pk.Columns {
					if col := t.Column(name); col != nil && col.Type.ArrayDims == 0 && col.Type.Schema == "" &&
						(col.Type.Name == "integer" || col.Type.Name == "smallint" ||
							col.Type.Name == "int" || col.Type.Name == "mediumint" || col.Type.Name == "tinyint") { // MySQL names
						p.Report(c.Object(), c.Pos(), false, "primary key column %s.%s is %s; prefer bigint", t.Name, name, col.Type.Name)
					}
				}
			}
			for _, c := range p.Diff.Changes {
				switch a := c.(type) {
				case diff.CreateTable:
					if pk := a.Table.PrimaryKey(); pk != nil {
						check(c, a.Table, pk)
					}
				case diff.AddConstraint:
					if a.Constraint.Kind == schema.PrimaryKey {
						check(c, a.Table, a.Constraint)
					}
				}
			}
		},
	},
	{
		ID: "ZD114", Name: "narrowing-type-change", Severity: Error,
		Summary: "column type narrowed: existing values may not fit",
		Why: "A shorter varchar, a smaller integer or a numeric with less precision fails on the first existing " +
			"row whose value does not fit — after holding the table's lock while it scanned up to that row — and " +
			"the old application version may keep writing values that do not fit.",
		Safe: "Check the data first (SELECT max(length(col)) ...), add a CHECK NOT VALID that expresses the new " +
			"limit and validate it, then change the type.",
		Unsafe:  "ALTER TABLE users ALTER COLUMN email TYPE varchar(50); -- was varchar(255)",
		Planned: "in place, with this finding",
		SeeAlso: []string{"strong_migrations change_column"},
		Run: func(p *Pass) {
			Each(p, func(a diff.AlterColumnType) {
				if narrows(*a.From.Type, *a.To.Type) {
					p.Report(a.Object(), a.Pos(), false, "%s narrows from %s to %s: existing values may not fit", a.Object(), a.From.Type, a.To.Type)
				}
			})
		},
	},
	{
		ID: "ZD115", Name: "drop-unique-or-primary-key", Severity: Warning,
		Summary: "UNIQUE or PRIMARY KEY constraint dropped",
		Why: "The old application version may rely on the constraint — INSERT ... ON CONFLICT needs it, and " +
			"lookups use its index — and duplicates may appear once it is gone.",
		Safe:    "zdplan drops it in contract, after the old version is retired. Check nothing else relies on it.",
		Unsafe:  "ALTER TABLE users DROP CONSTRAINT users_email_key;",
		Planned: "contract: ALTER TABLE IF EXISTS users DROP CONSTRAINT IF EXISTS users_email_key;",
		Run: func(p *Pass) {
			Each(p, func(d diff.DropConstraint) {
				if k := d.Constraint.Kind; k == schema.PrimaryKey || k == schema.Unique {
					p.Report(d.Object(), d.Pos(), true, "%s %s is dropped in contract", k, d.Object())
				}
			})
		},
	},
	{
		ID: "ZD116", Name: "drop-still-used", Severity: Error,
		Summary: "column or table dropped while something still uses it",
		Why: "The application code, SQL files or query logs given with --usage, or a function, trigger or " +
			"other statement of DESIRED that zdplan does not model, still name the column or table: whatever " +
			"runs them fails once contract drops it.",
		Safe: "Remove the uses first (and deploy that), then drop. A column counts as used in a file that also " +
			"names its table.",
		Unsafe:  "ALTER TABLE orders DROP COLUMN note; -- app/orders.go:42 still selects it",
		Planned: "contract drops it; this finding blocks until the uses are gone",
		Run: func(p *Pass) {
			Each(p, func(d diff.DropColumn) {
				if refs := p.Usage.Column(d.Table.Name.Name, d.Column.Name); len(refs) > 0 {
					p.Report(d.Object(), d.Pos(), false, "column %s is dropped but still used at %s", d.Object(), usage.Summary(usage.Sorted(refs)))
				}
			})
			Each(p, func(d diff.DropTable) {
				if refs := p.Usage.Table(d.Table.Name.Name); len(refs) > 0 {
					p.Report(d.Object(), d.Pos(), false, "table %s is dropped but still used at %s", d.Object(), usage.Summary(usage.Sorted(refs)))
				}
			})
		},
	},
	{
		ID: "ZD117", Name: "backfill-without-primary-key", Severity: Warning,
		Summary: "rows are backfilled in a table without a primary key",
		Why: "A backfill walks the table in batches by primary key, committing after each, so that it holds " +
			"row locks briefly and resumes where it stopped. Without a key it is one UPDATE over the whole table: " +
			"one long transaction that locks every row it touches until it ends.",
		Safe:    "Add a primary key first (in an earlier rollout), or run the backfill at a quiet time.",
		Unsafe:  "UPDATE events SET kind_new = kind::text; -- events has no primary key",
		Planned: "backfill: the statement, once, over the whole table, with this finding",
		Run: func(p *Pass) {
			report := func(c diff.Change, table schema.Name) {
				if t := p.Diff.From.Table(table); t != nil && t.PrimaryKey() == nil {
					p.Report(c.Object(), c.Pos(), false, "%s has no primary key: its backfill runs as one statement over the whole table", table)
				}
			}
			for _, c := range p.Diff.Changes {
				switch c := c.(type) {
				case diff.RenameColumn:
					report(c, c.Table.Name)
				case diff.SplitTable:
					report(c, c.From.Name)
				case diff.AlterColumnType:
					if p.TypeChange == planner.TypeChangeShadow && planner.ShadowTypeChange(p.Diff, c.Table, c.From, c.To) {
						report(c, c.Table.Name)
					}
				case diff.AddColumn:
					if h := c.Column.Hint(); h.Backfill != nil && c.Column.NotNull && c.Column.Default == nil && len(h.BackfillColumns) > 0 {
						report(c, c.Table.Name)
					}
				case diff.SetNotNull:
					if c.Column.Hint().Backfill != nil {
						report(c, c.Table.Name)
					}
				}
			}
		},
	},
	{
		ID: "ZD118", Name: "rename-column", Severity: Info,
		Summary: "column renamed",
		Why: "ALTER TABLE ... RENAME COLUMN takes effect at once: every query of the old application version that " +
			"names the column fails from that moment until the new version is deployed.",
		Safe: "Add the new column, keep both in step with a trigger while both versions run, backfill, and drop " +
			"the old column once the old version is retired — what zdplan plans for -- zdplan:renamed-from.",
		Unsafe: "ALTER TABLE person RENAME COLUMN last_name TO surname;",
		Planned: "expand: ADD COLUMN surname, a trigger syncing both columns both ways (on INSERT too, so NOT NULL " +
			"holds on either side); backfill: batched copy; contract: drop the trigger and last_name, SET NOT NULL and the default on surname",
		SeeAlso: []string{"squawk renaming-column", "strong_migrations rename_column"},
		Run: func(p *Pass) {
			Each(p, func(r diff.RenameColumn) {
				p.Report(r.Object(), r.Pos(), true, "%s is renamed to %s through a synced copy: the old version keeps writing %s until contract drops it", r.Object(), r.To.Name, r.From.Name)
			})
		},
	},
	{
		ID: "ZD119", Name: "rename-table", Severity: Info,
		Summary: "table renamed",
		Why: "ALTER TABLE ... RENAME takes effect at once: every query of the old application version that names " +
			"the table fails from that moment until the new version is deployed.",
		Safe: "Rename the table and create a view under the old name: both PostgreSQL and MySQL write through a " +
			"simple view, so the old version keeps working; drop the view once it is retired.",
		Unsafe: "ALTER TABLE users RENAME TO people;",
		Planned: "expand: RENAME and CREATE VIEW users AS SELECT * FROM people (PostgreSQL: in one transaction; " +
			"MySQL: two statements, so the old name is missing for a moment); contract: DROP VIEW users",
		SeeAlso: []string{"squawk renaming-table"},
		Run: func(p *Pass) {
			Each(p, func(r diff.RenameTable) {
				p.Report(r.Object(), r.Pos(), true, "table %s is renamed to %s; a view %s keeps the old version working until contract", r.From.Name, r.To.Name, r.From.Name)
			})
		},
	},
	{
		ID: "ZD120", Name: "split-table", Severity: Info,
		Summary: "columns moved to a new table",
		Why: "Moving columns to another table in one step breaks the old application version, which reads and " +
			"writes them where they were, and loses what it writes between the copy and its retirement.",
		Safe: "Create the new table, keep it in step with the old columns with triggers both ways while both " +
			"versions run, copy existing rows in batches, and drop the old columns once the old version is retired.",
		Unsafe: "CREATE TABLE addresses AS SELECT id, address_line_1 FROM users; ALTER TABLE users DROP COLUMN address_line_1;",
		Planned: "expand: the table, triggers on both tables (a row only where some moved column has a value; a delete " +
			"of the source row deletes its row first, so the new foreign key never blocks it); backfill: batched " +
			"INSERT ... SELECT with an anti-join, so it can run again; contract: drop the triggers, then the moved columns",
		Run: func(p *Pass) {
			Each(p, func(s diff.SplitTable) {
				p.Report(s.Object(), s.Pos(), true, "%s takes %s from %s; triggers keep both in step until contract", s.Table.Name, strings.Join(s.Columns, ", "), s.From.Name)
			})
		},
	},
	{
		ID: "ZD121", Name: "mysql-table-copy", Severity: Error,
		Summary: "MySQL/MariaDB change that blocks writes while it copies or scans the table",
		Why: "InnoDB makes most changes online (ALGORITHM=INSTANT or INPLACE with LOCK=NONE), but a column type " +
			"change, a character set change, adding or removing AUTO_INCREMENT, a STORED generated column, a CHECK " +
			"constraint, dropping the primary key or changing the engine needs ALGORITHM=COPY: the table is copied " +
			"row by row while writes wait (LOCK=SHARED) for the whole copy — minutes to hours on a large table. " +
			"FULLTEXT and SPATIAL index builds, and rebuilds of a table with a FULLTEXT index, block writes too " +
			"(ALGORITHM=INPLACE, LOCK=SHARED).",
		Safe: "On a small table, run the plan as it is: every statement names its ALGORITHM and LOCK, so it never " +
			"copies by surprise. On a large one, make this change with an online schema-change tool — gh-ost " +
			"(github.com/github/gh-ost) or pt-online-schema-change (Percona Toolkit) — which copy into a shadow " +
			"table in the background, keep it in step with the binlog or triggers, and swap it in atomically; or " +
			"add a new column of the new definition and backfill it in batches (shadow column).",
		Unsafe:   "ALTER TABLE orders MODIFY COLUMN id bigint NOT NULL; -- was int",
		Planned:  "MODIFY COLUMN ... , ALGORITHM=COPY, LOCK=SHARED (explicit), with this finding",
		SeeAlso:  []string{"gh-ost", "pt-online-schema-change", "strong_migrations change_column"},
		Dialects: []string{"mysql"},
		Run: func(p *Pass) {
			mysqlAlgorithmFindings(p, func(a planner.Algorithm) bool { return a.BlocksWrites() },
				"%s %s blocks writes to the table while it runs (ALGORITHM=%s): %s")
		},
	},
	{
		ID: "ZD122", Name: "mysql-table-rebuild", Severity: Warning,
		Summary: "MySQL/MariaDB change that rebuilds the table online",
		Why: "Some changes rebuild the whole table in place (ALGORITHM=INPLACE, LOCK=NONE): SET/DROP NOT NULL, " +
			"adding or changing the primary key. Reads and writes continue, but the rebuild writes the table " +
			"again, keeps concurrent changes in an online log (innodb_online_alter_log_max_size; the ALTER fails " +
			"if it fills up), and replicas apply it as one event, lagging for as long as it runs.",
		Safe: "Run it when the write load is low, with the online log sized for the writes the rebuild will see; " +
			"on a large table with replicas, use gh-ost or pt-online-schema-change, which do not stall replication.",
		Unsafe:   "ALTER TABLE users MODIFY COLUMN email varchar(255) NOT NULL;",
		Planned:  "contract: MODIFY COLUMN ..., ALGORITHM=INPLACE, LOCK=NONE, after a check that no NULLs are left",
		SeeAlso:  []string{"gh-ost", "pt-online-schema-change"},
		Dialects: []string{"mysql"},
		Run: func(p *Pass) {
			mysqlAlgorithmFindings(p, func(a planner.Algorithm) bool { return a == planner.AlgRebuild },
				"%s %s rebuilds the table online (ALGORITHM=%s): %s")
		},
	},
	{
		ID: "ZD123", Name: "large-table-scan", Severity: Warning,
		Summary: "step that scans or rewrites a large table (live database only)",
		Why: "With a live database as CURRENT, zdplan knows each table's estimated row count (pg_class.reltuples, " +
			"information_schema.TABLES.TABLE_ROWS). Building an index, validating a constraint or NOT NULL, " +
			"backfilling a column or rewriting a table reads every row: on a table of millions of rows that takes " +
			"minutes to hours, adds I/O and replication lag, and an online index build holds its snapshot for as " +
			"long, even though the plan's locks are short.",
		Safe: "Run the step when the load is low and watch its progress (zdplan apply shows backfill progress); " +
			"tune the backfill's batch size and pause; raise --large-table-rows (default 1000000) for tables this " +
			"size is normal for.",
		Unsafe:  "CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id); -- orders has 40M rows",
		Planned: "the same steps, with this finding naming the table and its estimated rows",
		Run: func(p *Pass) {
			if len(p.TableRows) == 0 {
				return
			}
			for _, c := range p.Diff.Changes {
				table, what := ScannedTable(c)
				if table == "" {
					continue
				}
				if n, ok := p.TableRows[table]; ok && n >= p.LargeTableRows {
					p.Report(c.Object(), c.Pos(), false, "%s %s: its %s reads every row of %s (~%d rows estimated)", c.Kind(), c.Object(), what, table, n)
				}
			}
		},
	},
	// Row-level security (rules/security.go).
	rowLevelSecurityEnabled,
	policyChanged,
	{
		ID: "ZD126", Name: "revoke-privilege", Severity: Warning,
		Summary: "privilege revoked on an object the application may use",
		Why: "REVOKE takes effect at once: every statement of a role that relied on the privilege fails with " +
			"\"permission denied\" from that moment. During a rollout the old application version still runs, " +
			"and it may be the one that needs the privilege; nothing in the schema says whether the new version " +
			"still does.",
		Safe: "Revoke only after the old version is retired (zdplan plans the REVOKE in contract), and check that " +
			"no role of the new version, nor a job or report, still needs the privilege. Grants go in expand, " +
			"before the new version needs them.",
		Unsafe:   "REVOKE UPDATE ON orders FROM app; -- while the old version still updates orders",
		Planned:  "contract: REVOKE ... (after the old version is retired); grants in expand",
		Dialects: []string{"postgres"},
		Run: func(p *Pass) {
			Each(p, func(r diff.RevokePrivileges) {
				if r.NewObject {
					return // the plan creates the object: nothing uses it yet
				}
				what := strings.Join(r.Privileges, ", ")
				if r.GrantOptionOnly {
					what = "the grant option of " + what
				}
				p.Report(r.Object(), r.Pos(), false, "%s on %s is revoked from %s in contract: a running application that still needs it fails with permission denied", what, r.Object(), r.Grantee)
			})
		},
	},
	// Functions and procedures (rules/routines.go).
	functionReplaced,
	{
		ID: "ZD129", Name: "exclude-constraint-locks-table", Severity: Warning,
		Summary: "EXCLUDE constraint added to an existing table",
		Why: "PostgreSQL cannot add an EXCLUDE constraint NOT VALID, CONCURRENTLY or USING INDEX: ALTER TABLE ... ADD " +
			"CONSTRAINT ... EXCLUDE builds the constraint's index, reading every row, while it holds an ACCESS EXCLUSIVE " +
			"lock. Every query on the table waits for the whole build; on a large table that is an outage.",
		Safe: "Add it when the table is small or the load is low, with a lock_timeout so that the ALTER gives up " +
			"instead of queueing every query behind it; or enforce the rule another way first (a unique index built " +
			"CONCURRENTLY when the operators are all =, a trigger), then add the constraint in a maintenance window.",
		Unsafe:   "ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);",
		Planned:  "as written (guarded, so it runs again), in contract when the old version writes the columns, with this finding",
		Dialects: []string{"postgres"},
		Run: func(p *Pass) {
			Each(p, func(a diff.AddConstraint) {
				if a.Constraint.Kind == schema.Exclude && !a.NewTable {
					p.Report(a.Object(), a.Pos(), false, "adding EXCLUDE constraint %s builds its index while holding an ACCESS EXCLUSIVE lock on %s", a.Constraint.Name, a.Table.Name)
				}
			})
			Each(p, func(r diff.ReplaceConstraint) {
				if r.To.Kind == schema.Exclude {
					p.Report(r.Object(), r.Pos(), false, "the new definition of EXCLUDE constraint %s builds its index while holding an ACCESS EXCLUSIVE lock on %s", r.To.Name, r.Table.Name)
				}
			})
		},
	},
	{
		ID: "ZD130", Name: "identity-on-written-column", Severity: Warning,
		Summary: "identity added to a column the old version fills itself",
		Why: "Until the old application version is retired it keeps inserting its own values into the column, while " +
			"the new version takes values from the identity sequence. zdplan starts the sequence past the rows that " +
			"exist when expand runs and moves it past the old version's rows again in contract, but in between the two " +
			"versions can pick the same value, and one insert fails on the key.",
		Safe: "Let the old version take its values from the same sequence (nextval) before the rollout, or keep the two " +
			"in disjoint ranges (START WITH far above what the old version uses); or deploy the new version only once " +
			"the old one is retired.",
		Unsafe:   "ALTER TABLE tickets ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY; -- the old version inserts max(id)+1",
		Planned:  "expand: ADD GENERATED BY DEFAULT (explicit values still accepted) and setval past the rows; contract: setval again, then SET GENERATED ALWAYS if asked",
		Dialects: []string{"postgres"},
		Run: func(p *Pass) {
			Each(p, func(a diff.AddIdentity) {
				p.Report(a.Object(), a.Pos(), false, "the old version writes %s itself: its values can collide with the identity's until it is retired", a.Object())
			})
		},
	},
	{
		ID: "ZD131", Name: "domain-check-blocks-writes", Severity: Warning,
		Summary: "domain constraint checked against the rows of columns that use the domain",
		Why: "ALTER DOMAIN ... VALIDATE CONSTRAINT, ADD CONSTRAINT without NOT VALID and SET NOT NULL read every " +
			"table with a column of the domain under a SHARE lock: reads go on, but every write to those tables " +
			"waits until the whole scan is done. Unlike a table's CHECK, a domain's cannot be validated without " +
			"blocking writes.",
		Safe: "Validate in a quiet period, or use a table CHECK on the columns instead (validated under SHARE UPDATE " +
			"EXCLUSIVE, which lets writes go on). A check added NOT VALID already rejects new bad values.",
		Unsafe:   "ALTER DOMAIN price ADD CONSTRAINT price_cap CHECK (VALUE < 100000);",
		Planned:  "ADD CONSTRAINT ... NOT VALID (catalog only), then VALIDATE CONSTRAINT; in contract while the old version writes columns of the domain",
		Dialects: []string{"postgres"},
		Run:      domainCheckBlocksWrites,
	},
	partitioningChanged,
	partitionAttachChecked,
	parentRowsChange,
	{
		ID: "ZD135", Name: "enum-renamed", Severity: Warning,
		Summary: "enum label or enum type renamed in place",
		Why: "ALTER TYPE ... RENAME VALUE and RENAME TO change the catalog only: every row holding the label holds the " +
			"new one at once, and columns keep the type under its new name. The old application version still writes " +
			"the old label (or casts to the old type name), and PostgreSQL rejects it with \"invalid input value for " +
			"enum\" (or \"type does not exist\") until that version is retired.",
		Safe: "Make the old version stop writing the old label (or naming the type) before the rollout, or add the " +
			"new label next to the old one, move the rows in a backfill and drop the old label with a new type later.",
		Unsafe:   "CREATE TYPE status AS ENUM ('active', 'waiting' /* @renamed from=pending */);",
		Planned:  "expand: ALTER TYPE ... RENAME VALUE / RENAME TO, guarded so that a re-run changes nothing",
		Dialects: []string{"postgres"},
		Run:      enumRenamed,
	},
	{
		ID: "ZD137", Name: "composite-type-reshaped", Severity: Warning,
		Summary: "attribute added to or dropped from a composite type that columns use",
		Why: "A value of a composite type is written whole: ROW(...) or the literal '(a,b)' must have exactly as many " +
			"fields as the type has attributes. Once ALTER TYPE ... ADD ATTRIBUTE runs (expand), the old application " +
			"version's values have one field too few and PostgreSQL rejects them; a dropped attribute (contract) takes " +
			"its value out of every row of every column of the type.",
		Safe: "Make the old version name the attributes it writes ((col).attr = ..., or a cast from a record with all " +
			"fields), or add a new type and convert the columns to it through a shadow column.",
		Unsafe:   "ALTER TYPE address ADD ATTRIBUTE zip text; -- customers.address is of type address",
		Planned:  "expand: ALTER TYPE ... ADD ATTRIBUTE; contract: DROP ATTRIBUTE IF EXISTS",
		Dialects: []string{"postgres"},
		Run:      compositeReshaped,
	},
	generatedExpressionDropped,
	replicaIdentityChanged,
	// Range types and collations (rules/ranges.go).
	typeRedefined,
	// Trigger states (rules/routines.go).
	triggerStopsFiring,
}

// mysqlAlgorithmFindings reports the changes whose ALTER TABLE uses an
// algorithm that matches, once per object (a column's changes share one
// MODIFY COLUMN). The classification is the planner's own
// (planner.MySQLAlgorithm), so the finding describes the statement the
// plan really runs.
func mysqlAlgorithmFindings(p *Pass, match func(planner.Algorithm) bool, format string) {
	seen := map[string]bool{}
	for _, c := range p.Diff.Changes {
		if a, ok := c.(diff.AlterColumnType); ok && p.TypeChange == planner.TypeChangeShadow && planner.ShadowTypeChange(p.Diff, a.Table, a.From, a.To) {
			continue // planned through a shadow column, no copy
		}
		a, why, ok := planner.MySQLAlgorithm(p.Diff, c, p.Target)
		key := c.Object() + "@" + c.Pos().String()
		if !ok || !match(a) || seen[key] {
			continue
		}
		seen[key] = true
		p.Report(c.Object(), c.Pos(), false, format, c.Kind(), c.Object(), a, why)
	}
}

// tableShape is a table's column names and types, for spotting renames.
func tableShape(t *schema.Table) string {
	var s string
	for _, c := range t.Columns {
		s += c.Name + " " + c.Type.String() + ","
	}
	return s
}

// narrows reports whether a type change can reject values the old type
// held.
func narrows(from, to schema.Type) bool {
	if from.Schema != "" || to.Schema != "" || from.ArrayDims != to.ArrayDims {
		return false
	}
	mod := func(t schema.Type, i int) int {
		if i >= len(t.Mods) {
			return -1
		}
		n, err := strconv.Atoi(t.Mods[i])
		if err != nil {
			return -1
		}
		return n
	}
	ints := map[string]int{"smallint": 2, "integer": 4, "bigint": 8, "tinyint": 1, "mediumint": 3, "int": 4} // PostgreSQL and MySQL names
	switch {
	case ints[from.Name] > 0 && ints[to.Name] > 0:
		// MySQL: a signed type does not hold the upper half of an unsigned one.
		return ints[to.Name] < ints[from.Name] || (from.Unsigned && !to.Unsigned && ints[to.Name] == ints[from.Name])
	case (from.Name == "character varying" || from.Name == "text") && to.Name == "character varying" && len(to.Mods) > 0:
		return from.Name == "text" || len(from.Mods) == 0 || mod(to, 0) < mod(from, 0)
	case (from.Name == "varchar" || from.Name == "char") && (to.Name == "varchar" || to.Name == "char"): // MySQL
		return mod(to, 0) < mod(from, 0)
	case (from.Name == "numeric" || from.Name == "decimal") && (to.Name == "numeric" || to.Name == "decimal") && len(to.Mods) > 0:
		if len(from.Mods) == 0 {
			return true
		}
		fs, ts := max(mod(from, 1), 0), max(mod(to, 1), 0)
		return mod(to, 0)-ts < mod(from, 0)-fs || ts < fs
	}
	return false
}

// ScannedTable names the table a change reads every row of (a backfill,
// a validation, an index build, a rewrite) and what the read is for, or
// "" when it reads none.
func ScannedTable(c diff.Change) (table, what string) {
	switch c := c.(type) {
	case diff.AddColumn:
		if c.Column.Hint().Backfill != nil || c.Column.Extra().Generated != nil || (c.Column.NotNull && c.Column.Default == nil) {
			return c.Table.Name.String(), "backfill"
		}
	case diff.AlterColumnType:
		return c.Table.Name.String(), "rewrite or backfill"
	case diff.SetNotNull:
		return c.Table.Name.String(), "validation"
	case diff.AddConstraint:
		if !c.NewTable {
			return c.Table.Name.String(), "validation"
		}
	case diff.ReplaceConstraint:
		return c.Table.Name.String(), "validation"
	case diff.AddIndex:
		if !c.NewTable {
			return c.Index.Table.String(), "index build"
		}
	case diff.ReplaceIndex:
		return c.To.Table.String(), "index build"
	case diff.RenameColumn:
		return c.Table.Name.String(), "backfill"
	case diff.SplitTable:
		if c.From != nil {
			return c.From.Name.String(), "backfill"
		}
	}
	return "", ""
}
