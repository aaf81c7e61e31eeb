package planner_test

import (
	"strings"
	"testing"

	"github.com/zdplan/zdplan/diff"
	pgparser "github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/planner"
)

// TestPostgresStorageSteps: each storage, replica identity and DROP
// EXPRESSION change lands in its phase with its SQL and lock.
func TestPostgresStorageSteps(t *testing.T) {
	const tbl = "CREATE TABLE t (id int PRIMARY KEY, a text, g text GENERATED ALWAYS AS (lower(a)) STORED)"
	type step struct {
		phase     planner.Phase
		sql, lock string // substrings of one step's
	}
	for _, tc := range []struct {
		name, current, desired string
		want                   []step
	}{
		{"set and reset", tbl + " WITH (fillfactor = 70, autovacuum_enabled = false);", tbl + " WITH (fillfactor = 80, vacuum_index_cleanup = 'AUTO', autovacuum_enabled = off);",
			[]step{{planner.Expand, "ALTER TABLE public.t SET (fillfactor=80, vacuum_index_cleanup='AUTO');", "SHARE UPDATE EXCLUSIVE"}}},
		{"reset only", tbl + " WITH (fillfactor = 70);", tbl + ";",
			[]step{{planner.Expand, "ALTER TABLE public.t RESET (fillfactor);", "SHARE UPDATE EXCLUSIVE"}}},
		{"user_catalog_table takes ACCESS EXCLUSIVE", tbl + ";", tbl + " WITH (user_catalog_table = true);",
			[]step{{planner.Expand, "SET (user_catalog_table=true)", "ACCESS EXCLUSIVE"}}},
		{"materialized view", "CREATE TABLE b (id int); CREATE MATERIALIZED VIEW m WITH (fillfactor = 70, autovacuum_enabled = false) AS SELECT id FROM b;",
			"CREATE TABLE b (id int); CREATE MATERIALIZED VIEW m WITH (fillfactor = 80) AS SELECT id FROM b;",
			[]step{{planner.Expand, "ALTER MATERIALIZED VIEW public.m SET (fillfactor=80), RESET (autovacuum_enabled);", "SHARE UPDATE EXCLUSIVE"}}},
		{"new materialized view", "CREATE TABLE b (id int);", "CREATE TABLE b (id int); CREATE MATERIALIZED VIEW m WITH (fillfactor = 80) AS SELECT id FROM b;",
			[]step{{planner.Expand, "CREATE MATERIALIZED VIEW IF NOT EXISTS public.m WITH (fillfactor=80) AS", ""}}},
		{"new table", "", tbl + " WITH (fillfactor = 70);",
			[]step{{planner.Expand, ") WITH (fillfactor=70);", ""}}},
		{"replica identity on an existing key", tbl + ";", tbl + "; ALTER TABLE t REPLICA IDENTITY USING INDEX t_pkey;",
			[]step{{planner.Expand, "ALTER TABLE public.t REPLICA IDENTITY USING INDEX t_pkey;", "ACCESS EXCLUSIVE"}}},
		{"replica identity on a new unique index waits for contract", tbl + ";",
			tbl + "; ALTER TABLE t ALTER COLUMN a SET NOT NULL; CREATE UNIQUE INDEX t_a ON t (a); ALTER TABLE t REPLICA IDENTITY USING INDEX t_a;",
			[]step{{planner.Contract, "ALTER TABLE public.t REPLICA IDENTITY USING INDEX t_a;", "ACCESS EXCLUSIVE"}}},
		{"replica identity back to default", tbl + "; ALTER TABLE t REPLICA IDENTITY FULL;", tbl + ";",
			[]step{{planner.Expand, "ALTER TABLE public.t REPLICA IDENTITY DEFAULT;", "ACCESS EXCLUSIVE"}}},
		{"generated made plain", tbl + ";", strings.Replace(tbl, " GENERATED ALWAYS AS (lower(a)) STORED", "", 1) + ";",
			[]step{{planner.Expand, "BEGIN;\nALTER TABLE public.t ALTER COLUMN g DROP EXPRESSION IF EXISTS;\nCREATE OR REPLACE FUNCTION public.zdplan_gen_t_g()", "ACCESS EXCLUSIVE"},
				{planner.Expand, "SELECT lower(a) INTO NEW.g FROM (SELECT NEW.*) AS zdplan_row;", ""},
				{planner.Contract, "DROP TRIGGER IF EXISTS zdplan_gen_g ON public.t;", ""}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, _, err := pgparser.Parse("current.sql", []byte(tc.current))
			if err != nil {
				t.Fatal(err)
			}
			to, _, err := pgparser.Parse("desired.sql", []byte(tc.desired))
			if err != nil {
				t.Fatal(err)
			}
			p, err := planner.New(diff.Schemas(from, to), planner.Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				found := false
				for _, s := range p.PhaseSteps(w.phase) {
					if strings.Contains(s.SQL, w.sql) && strings.Contains(s.Lock, w.lock) {
						found = true
					}
				}
				if !found {
					var all []string
					for _, s := range p.Steps {
						all = append(all, s.Phase.String()+": "+s.SQL+" ["+s.Lock+"]")
					}
					t.Errorf("no %s step with %q (lock %q) in:\n%s", w.phase, w.sql, w.lock, strings.Join(all, "\n"))
				}
			}
		})
	}
}
