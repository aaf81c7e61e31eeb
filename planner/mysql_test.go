package planner_test

import (
	"strings"
	"testing"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/planner"
	"github.com/zdplan/zdplan/schema"
)

type want struct {
	phase planner.Phase
	sql   string // a substring of one step's SQL in that phase
}

func plan(t *testing.T, from, to *schema.Schema, target string) *planner.Plan {
	t.Helper()
	// In place: these cases pin the ALGORITHM of each change.
	p, err := planner.New(diff.Schemas(from, to), planner.Options{Target: target, TypeChange: planner.TypeChangeInPlace})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func users(extra ...any) *schema.Table {
	return table("users", append([]any{col("id", "bigint", notNull, autoInc), col("email", "varchar", mods("100")), pk("id")}, extra...)...)
}

// TestMySQLStrategies checks phase, algorithm clause and guard of each
// kind of change.
func TestMySQLStrategies(t *testing.T) {
	guard := "SET @zdplan_sql = IF("
	cases := []struct {
		name     string
		from, to *schema.Schema
		target   string
		want     []want
		absent   []string // substrings no step may contain
	}{
		{"nullable column is instant", mysqlSchema(users()), mysqlSchema(users(col("name", "text"))), "",
			[]want{{planner.Expand, "ADD COLUMN `name` text NULL, ALGORITHM=INSTANT"}, {planner.Expand, guard + "NOT (SELECT COUNT(*) FROM information_schema.columns"}}, nil},
		{"NOT NULL without default: nullable, tightened in contract", mysqlSchema(users()), mysqlSchema(users(col("name", "text", notNull))), "",
			[]want{{planner.Expand, "ADD COLUMN `name` text NULL, ALGORITHM=INSTANT"}, {planner.Contract, "zdplan: NULLs left in users.name"},
				{planner.Contract, "MODIFY COLUMN `name` text NOT NULL, ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"stored generated column is a copy", mysqlSchema(users()), mysqlSchema(users(col("n", "int", func(c *schema.Column) { c.SetExtra(func(e *schema.ColumnExtra) { e.Generated = expr("id + 1") }) }))), "",
			[]want{{planner.Expand, "GENERATED ALWAYS AS (id + 1) STORED, ALGORITHM=COPY, LOCK=SHARED"}}, nil},
		{"virtual generated column is instant", mysqlSchema(users()), mysqlSchema(users(col("n", "int", virtual("id + 1")))), "",
			[]want{{planner.Expand, "GENERATED ALWAYS AS (id + 1) VIRTUAL, ALGORITHM=INSTANT"}}, nil},
		{"column on a FULLTEXT table blocks writes", mysqlSchema(users(), fulltext("users", "ft", "email")),
			mysqlSchema(users(col("n", "int")), fulltext("users", "ft", "email")), "",
			[]want{{planner.Expand, "ADD COLUMN `n` int NULL, ALGORITHM=INPLACE, LOCK=SHARED"}}, nil},
		{"drop column in contract, instant", mysqlSchema(users(col("old", "int"))), mysqlSchema(users()), "",
			[]want{{planner.Contract, "DROP COLUMN `old`, ALGORITHM=INSTANT"}}, nil},
		{"varchar widening: INPLACE on both, INSTANT on MariaDB", mysqlSchema(users()),
			mysqlSchema(table("users", col("id", "bigint", notNull, autoInc), col("email", "varchar", mods("120")), pk("id"))), "",
			[]want{{planner.Expand, "MODIFY COLUMN `email` varchar(120) NULL, ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"varchar widening on MariaDB", mysqlSchema(users()),
			mysqlSchema(table("users", col("id", "bigint", notNull, autoInc), col("email", "varchar", mods("120")), pk("id"))), planner.TargetMariaDB,
			[]want{{planner.Expand, "MODIFY COLUMN `email` varchar(120) NULL, ALGORITHM=INSTANT"}}, nil},
		{"varchar across the length-byte class is a copy", mysqlSchema(users()),
			mysqlSchema(table("users", col("id", "bigint", notNull, autoInc), col("email", "varchar", mods("300")), pk("id"))), "",
			[]want{{planner.Expand, "varchar(300) NULL, ALGORITHM=COPY"}, {planner.Expand, "column_type IN ('varchar(300)')"}}, nil},
		{"integer widening is a copy guarded by the current type",
			mysqlSchema(table("t", col("id", "int", notNull), pk("id"))), mysqlSchema(table("t", col("id", "bigint", notNull), pk("id"))), "",
			[]want{{planner.Expand, "column_type IN ('bigint', 'bigint(20)')"}, {planner.Expand, "MODIFY COLUMN `id` bigint NOT NULL, ALGORITHM=COPY, LOCK=SHARED"}}, nil},
		{"default change is instant", mysqlSchema(users(col("n", "int", def("1")))), mysqlSchema(users(col("n", "int", def("2")))), "",
			[]want{{planner.Expand, "ALTER COLUMN `n` SET DEFAULT 2, ALGORITHM=INSTANT"}}, []string{"MODIFY"}},
		{"expression default is parenthesised", mysqlSchema(users(col("n", "int", def("1")))), mysqlSchema(users(col("n", "int", def("id * 2")))), "",
			[]want{{planner.Expand, "SET DEFAULT (id * 2), ALGORITHM=INSTANT"}}, nil},
		{"index online, unique on old columns in contract", mysqlSchema(users()), mysqlSchema(users(), index("users", "u_email", true, "email"), index("users", "i_email", false, "email(10)")), "",
			[]want{{planner.Contract, "ADD UNIQUE INDEX `u_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE"}, {planner.Expand, "ADD INDEX `i_email` (`email`(10)), ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"fulltext index under LOCK=SHARED", mysqlSchema(users()), mysqlSchema(users(), fulltext("users", "ft", "email")), "",
			[]want{{planner.Expand, "ADD FULLTEXT INDEX `ft` (`email`), ALGORITHM=INPLACE, LOCK=SHARED"}}, nil},
		{"drop index in contract", mysqlSchema(users(), index("users", "i", false, "email")), mysqlSchema(users()), "",
			[]want{{planner.Contract, "DROP INDEX `i`, ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"changed index: built under a temporary name, swapped in contract",
			mysqlSchema(users(), index("users", "i", false, "email")), mysqlSchema(users(), index("users", "i", false, "email", "id")), "",
			[]want{{planner.Expand, "ADD INDEX `i_zdnew` (`email`, `id`), ALGORITHM=INPLACE, LOCK=NONE"},
				{planner.Contract, "DROP INDEX `i`, RENAME INDEX `i_zdnew` TO `i`, ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"foreign key on new column: expand, checked in backfill",
			mysqlSchema(users(), table("orders", col("id", "bigint", notNull), pk("id"))),
			mysqlSchema(users(), table("orders", col("id", "bigint", notNull), col("user_id", "bigint"), pk("id"), fk("fk_u", []string{"user_id"}, "users", []string{"id"}, "NO ACTION")),
				index("orders", "fk_u", false, "user_id")), "",
			[]want{{planner.Expand, "SET SESSION foreign_key_checks = 0;"}, {planner.Expand, "ADD CONSTRAINT `fk_u` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`), ALGORITHM=INPLACE, LOCK=NONE"},
				{planner.Expand, "SET SESSION foreign_key_checks = 1;"}, {planner.Backfill, "zdplan: rows violate FOREIGN KEY fk_u"}}, nil},
		{"check constraint is a copy", mysqlSchema(users(col("n", "int"))), mysqlSchema(users(col("n", "int"), check("n_pos", "n > 0"))), "",
			[]want{{planner.Contract, "ADD CONSTRAINT `n_pos` CHECK (n > 0), ALGORITHM=COPY, LOCK=SHARED"}}, nil},
		{"drop check: DROP CONSTRAINT for both", mysqlSchema(users(col("n", "int"), check("n_pos", "n > 0"))), mysqlSchema(users(col("n", "int"))), "",
			[]want{{planner.Expand, "DROP CONSTRAINT `n_pos`, ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"drop check: DROP CHECK for MySQL", mysqlSchema(users(col("n", "int"), check("n_pos", "n > 0"))), mysqlSchema(users(col("n", "int"))), planner.TargetMySQL,
			[]want{{planner.Expand, "DROP CHECK `n_pos`, ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"primary key change rebuilds online", mysqlSchema(users()),
			mysqlSchema(table("users", col("id", "bigint", notNull, autoInc), col("email", "varchar", mods("100")), pk("id", "email"))), "",
			[]want{{planner.Contract, "DROP PRIMARY KEY, ADD PRIMARY KEY (`id`, `email`), ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"drop primary key is a copy", mysqlSchema(table("t", col("id", "int", notNull), pk("id"))), mysqlSchema(table("t", col("id", "int", notNull))), "",
			[]want{{planner.Contract, "DROP PRIMARY KEY, ALGORITHM=COPY, LOCK=SHARED"}}, nil},
		{"character set change is a copy", mysqlSchema(users(col("n", "varchar", mods("10"), charset("latin1")))), mysqlSchema(users(col("n", "varchar", mods("10")))), "",
			[]want{{planner.Expand, "MODIFY COLUMN `n` varchar(10) NULL, ALGORITHM=COPY"}}, nil},
		{"ON UPDATE: instant on MariaDB", mysqlSchema(users(col("u", "datetime"))), mysqlSchema(users(col("u", "datetime", onUpdate("CURRENT_TIMESTAMP")))), planner.TargetMariaDB,
			[]want{{planner.Expand, "MODIFY COLUMN `u` datetime NULL ON UPDATE CURRENT_TIMESTAMP, ALGORITHM=INSTANT"}}, nil},
		{"ON UPDATE: copy on MySQL", mysqlSchema(users(col("u", "datetime"))), mysqlSchema(users(col("u", "datetime", onUpdate("CURRENT_TIMESTAMP")))), planner.TargetMySQL,
			[]want{{planner.Expand, "ON UPDATE CURRENT_TIMESTAMP, ALGORITHM=COPY"}}, nil},
		{"one MODIFY per column and phase", mysqlSchema(users(col("n", "int", comment("a")))), mysqlSchema(users(col("n", "bigint", notNull, comment("b")))), "",
			[]want{{planner.Expand, "MODIFY COLUMN `n` bigint NULL COMMENT ''b'', ALGORITHM=COPY"}, {planner.Contract, "MODIFY COLUMN `n` bigint NOT NULL COMMENT ''b'', ALGORITHM=INPLACE"}}, nil},
		{"table options: copy restating inherited columns",
			mysqlSchema(table("t", col("id", "int", notNull), col("s", "varchar", mods("5")), pk("id"), option{"charset", "latin1"})),
			mysqlSchema(table("t", col("id", "int", notNull), col("s", "varchar", mods("5")), pk("id"), option{"charset", "utf8mb4"})), "",
			[]want{{planner.Expand, "ALTER TABLE `t` DEFAULT CHARACTER SET utf8mb4, MODIFY COLUMN `s` varchar(5) NULL, ALGORITHM=COPY, LOCK=SHARED"}}, nil},
		{"table comment in place", mysqlSchema(users()), mysqlSchema(users("who's who")), "",
			[]want{{planner.Expand, "COMMENT = ''who''''s who'', ALGORITHM=INPLACE, LOCK=NONE"}}, nil},
		{"new table with its indexes", mysqlSchema(users()),
			mysqlSchema(users(), table("t", col("id", "int", notNull, autoInc), col("n", "varchar", mods("5"), def("'x'")), pk("id"), option{"engine", "innodb"}), index("t", "i_n", true, "n")), "",
			[]want{{planner.Expand, "CREATE TABLE IF NOT EXISTS `t` (\n  `id` int NOT NULL AUTO_INCREMENT,\n  `n` varchar(5) NULL DEFAULT 'x',\n  PRIMARY KEY (`id`),\n  UNIQUE INDEX `i_n` (`n`)\n) ENGINE=innodb;"}},
			[]string{"ADD UNIQUE"}},
		{"drop table and view in contract; views replaced", mysqlSchema(users(), table("old", col("id", "int")), view("v", "SELECT 1"), view("w", "SELECT 1")),
			mysqlSchema(users(), view("w", "SELECT 2")), "",
			[]want{{planner.Contract, "DROP TABLE IF EXISTS `old`;"}, {planner.Contract, "DROP VIEW IF EXISTS `v`;"}, {planner.Expand, "CREATE OR REPLACE VIEW `w` AS SELECT 2;"}}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := plan(t, tc.from, tc.to, tc.target)
			for _, w := range tc.want {
				found := false
				for _, s := range p.PhaseSteps(w.phase) {
					found = found || strings.Contains(s.SQL, w.sql)
				}
				if !found {
					t.Errorf("no %s step contains %q; plan:\n%s", w.phase, w.sql, dump(p))
				}
			}
			for _, s := range p.Steps {
				for _, a := range tc.absent {
					if strings.Contains(s.SQL, a) {
						t.Errorf("step contains %q:\n%s", a, s.SQL)
					}
				}
				if s.Transactional || !s.Rerunnable {
					t.Errorf("step %q: transactional %v, rerunnable %v", s.Summary, s.Transactional, s.Rerunnable)
				}
				// Every ALTER TABLE names its algorithm.
				for _, stmt := range strings.Split(s.SQL, "ALTER TABLE")[1:] {
					if !strings.Contains(stmt, "ALGORITHM=") {
						t.Errorf("ALTER TABLE without ALGORITHM in:\n%s", s.SQL)
					}
				}
			}
		})
	}
}

func dump(p *planner.Plan) string {
	var b strings.Builder
	for _, s := range p.Steps {
		b.WriteString("-- " + s.Phase.String() + ": " + s.Summary + "\n" + s.SQL + "\n")
	}
	return b.String()
}

// TestMySQLEveryChangePlanned: every change of the diff gets steps, is
// part of another change's statement (indexes and comments of new
// tables, column changes merged into one MODIFY COLUMN), or is an
// Unsupported change the rules report.
func TestMySQLEveryChangePlanned(t *testing.T) {
	kinds := map[string]bool{}
	for _, tc := range dbCases {
		d := diff.Schemas(tc.from, tc.to)
		p, err := planner.New(d, planner.Options{})
		if err != nil {
			t.Fatal(err)
		}
		objects := map[string]bool{}
		for _, s := range p.Steps {
			objects[s.Object] = true
		}
		for _, c := range d.Changes {
			kinds[c.Kind()] = true
			switch c := c.(type) {
			case diff.AddIndex:
				if c.NewTable {
					continue
				}
			case diff.SetComment:
				if tc.from.Table(c.Name) == nil || (c.Column != "" && tc.from.Table(c.Name).Column(c.Column) == nil) {
					continue
				}
			case diff.Unsupported:
				continue
			}
			if !objects[c.Object()] {
				t.Errorf("%s: %s %s has no step", tc.name, c.Kind(), c.Object())
			}
		}
	}
	for _, k := range []string{"CreateTable", "DropTable", "AddColumn", "DropColumn", "AlterColumnType", "SetNotNull", "DropNotNull", "SetDefault", "DropDefault",
		"AddConstraint", "DropConstraint", "ReplaceConstraint", "AddIndex", "DropIndex", "ReplaceIndex", "CreateView", "ReplaceView", "DropView", "SetComment",
		"ModifyColumn", "AlterTableOptions"} {
		if !kinds[k] {
			t.Errorf("no test case has a %s change", k)
		}
	}
}

// TestMySQLUnsupportedColumnChanges: what MySQL cannot change in place is
// an Unsupported change, never a silent plan.
func TestMySQLUnsupportedColumnChanges(t *testing.T) {
	from := mysqlSchema(users(col("g", "int", virtual("id + 1"))))
	to := mysqlSchema(users(col("g", "int", func(c *schema.Column) { c.SetExtra(func(e *schema.ColumnExtra) { e.Generated = expr("id + 1") }) })))
	d := diff.Schemas(from, to)
	if len(d.Changes) != 1 {
		t.Fatalf("changes: %v", d.Changes)
	}
	if u, ok := d.Changes[0].(diff.Unsupported); !ok || !strings.Contains(u.What, "VIRTUAL and STORED") {
		t.Errorf("got %#v, want Unsupported VIRTUAL <-> STORED", d.Changes[0])
	}
}

func TestMySQLPreamble(t *testing.T) {
	for in, want := range map[string]string{"5s": "5", "500ms": "1", "1min": "60", "2500": "3", "1.5s": "2"} {
		pre, err := planner.MySQLPreamble(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := pre[len(pre)-1]; got != "SET SESSION lock_wait_timeout = "+want+";" {
			t.Errorf("%s: got %s, want %s seconds", in, got, want)
		}
	}
	if _, err := planner.MySQLPreamble("soon"); err == nil {
		t.Error("MySQLPreamble(soon): no error")
	}
	if _, err := planner.New(diff.Schemas(mysqlSchema(), mysqlSchema()), planner.Options{Target: "oracle"}); err == nil {
		t.Error("unknown target accepted")
	}
}

// TestMySQLAlgorithmTable pins the decision table per target.
func TestMySQLAlgorithmTable(t *testing.T) {
	from := mysqlSchema(users(col("v", "varchar", mods("10")), col("u", "datetime")))
	to := mysqlSchema(users(col("v", "varchar", mods("20")), col("u", "datetime", onUpdate("CURRENT_TIMESTAMP")), col("n", "int")))
	d := diff.Schemas(from, to)
	got := map[string][3]planner.Algorithm{}
	for _, c := range d.Changes {
		var a [3]planner.Algorithm
		for i, target := range []string{"", planner.TargetMySQL, planner.TargetMariaDB} {
			alg, why, ok := planner.MySQLAlgorithm(d, c, target)
			if !ok || why == "" {
				t.Errorf("%s: ok %v, why %q", c.Kind(), ok, why)
			}
			a[i] = alg
		}
		got[c.Kind()+" "+c.Object()] = a
	}
	want := map[string][3]planner.Algorithm{
		"AddColumn users.n":       {planner.AlgInstant, planner.AlgInstant, planner.AlgInstant},
		"AlterColumnType users.v": {planner.AlgInplace, planner.AlgInplace, planner.AlgInstant},
		"ModifyColumn users.u":    {planner.AlgCopy, planner.AlgCopy, planner.AlgInstant},
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("%s: got %v, want %v (both, mysql, mariadb)", k, got[k], w)
		}
	}
}
