package postgres

import (
	"strings"
	"testing"

	"github.com/zdplan/zdplan/schema"
)

const trigBase = `CREATE TABLE t (a int);
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();
CREATE TRIGGER trg2 AFTER INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();
`

// TestTriggerEnabled: ALTER TABLE ... ENABLE | DISABLE [REPLICA | ALWAYS]
// TRIGGER sets the state pg_trigger.tgenabled would hold.
func TestTriggerEnabled(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		trg, trg2 string
	}{
		{"as created", "", schema.TriggerOrigin, schema.TriggerOrigin},
		{"disable", "ALTER TABLE t DISABLE TRIGGER trg;", schema.TriggerDisabled, schema.TriggerOrigin},
		{"replica, pg_dump's form", "ALTER TABLE ONLY public.t ENABLE REPLICA TRIGGER trg2;", schema.TriggerOrigin, schema.TriggerReplica},
		{"always", "ALTER TABLE t ENABLE ALWAYS TRIGGER trg;", schema.TriggerAlways, schema.TriggerOrigin},
		{"disable then enable", "ALTER TABLE t DISABLE TRIGGER trg; ALTER TABLE t ENABLE TRIGGER trg;", schema.TriggerOrigin, schema.TriggerOrigin},
		{"USER is every trigger", "ALTER TABLE t DISABLE TRIGGER USER;", schema.TriggerDisabled, schema.TriggerDisabled},
		{"CREATE OR REPLACE resets", "ALTER TABLE t DISABLE TRIGGER trg;\nCREATE OR REPLACE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();",
			schema.TriggerOrigin, schema.TriggerOrigin},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := Parse("test.sql", []byte(trigBase+tc.src))
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]string{}
			for _, tr := range s.Triggers {
				got[tr.Name] = tr.Enabled
			}
			if got["trg"] != tc.trg || got["trg2"] != tc.trg2 {
				t.Errorf("states %q, want trg=%q trg2=%q", got, tc.trg, tc.trg2)
			}
		})
	}
}

// TestRoutineStatementErrors: what PostgreSQL rejects is an error, what
// the model does not cover is reported as unsupported.
func TestRoutineStatementErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, err, unsupported string }{
		{"no such trigger", trigBase + "ALTER TABLE t DISABLE TRIGGER nope;", `trigger "nope" for table public.t does not exist`, ""},
		{"a partition's share of its parent's trigger", "CREATE TABLE p (a int) PARTITION BY RANGE (a);\nCREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);\n" +
			"CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;\n" +
			"CREATE TRIGGER trg BEFORE INSERT ON p FOR EACH ROW EXECUTE FUNCTION tf();\nALTER TABLE public.p1 DISABLE TRIGGER trg;",
			"", "ALTER TABLE ... DISABLE TRIGGER on a partition's share of its parent's trigger"},
		{"TRIGGER ALL also switches foreign keys", trigBase + "ALTER TABLE t DISABLE TRIGGER ALL;", "", "ALTER TABLE DISABLE TRIG ALL"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := parseOrError(t, tc.src, tc.err)
			if !ok {
				return
			}
			var kinds []string
			for _, u := range s.Unsupported {
				kinds = append(kinds, u.Kind)
			}
			if len(kinds) != 1 || kinds[0] != tc.unsupported {
				t.Errorf("unsupported %q, want %q", kinds, tc.unsupported)
			}
		})
	}
}

// TestAggregateSpellings: an aggregate written by hand, in the old
// BASETYPE form, by pg_dump, or composed by the live reader from
// pg_aggregate has one canonical definition.
func TestAggregateSpellings(t *testing.T) {
	const fns = "CREATE FUNCTION add(bigint, integer) RETURNS bigint LANGUAGE sql AS 'SELECT $1 + $2';\n" +
		"CREATE FUNCTION fin(bigint) RETURNS text LANGUAGE sql AS 'SELECT $1::text';\n"
	for _, tc := range []struct {
		name, a, b, want, returns string
	}{
		{"pg_dump form",
			"CREATE AGGREGATE total(int) (sfunc = add, stype = int8, initcond = 0, parallel = safe, finalfunc_modify = read_only);",
			"CREATE AGGREGATE public.total(integer) (\n    SFUNC = public.add,\n    STYPE = bigint,\n    INITCOND = '0',\n    PARALLEL = safe\n);",
			"CREATE AGGREGATE public.total(integer) (SFUNC = public.add, STYPE = bigint, INITCOND = '0', PARALLEL = SAFE)", "bigint"},
		{"old BASETYPE form",
			"CREATE AGGREGATE total (BASETYPE = int4, SFUNC1 = add, STYPE1 = int8, FINALFUNC = fin);",
			"CREATE AGGREGATE public.total(integer) (SFUNC = public.add, STYPE = bigint, FINALFUNC = public.fin);",
			"CREATE AGGREGATE public.total(integer) (SFUNC = public.add, STYPE = bigint, FINALFUNC = public.fin)", "text"},
		{"no arguments, built-in support functions",
			"CREATE AGGREGATE cnt (BASETYPE = \"any\", SFUNC = pg_catalog.int8inc, STYPE = int8, INITCOND = '0', SSPACE = 0);",
			"CREATE AGGREGATE public.cnt(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');",
			"CREATE AGGREGATE public.cnt(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0')", "bigint"},
		{"named and variadic arguments, an unknown final function",
			"CREATE AGGREGATE v(x int, VARIADIC y int[]) (SFUNC = s, STYPE = int, FINALFUNC = ext.f, FINALFUNC_EXTRA, MFINALFUNC_EXTRA = false);",
			"CREATE AGGREGATE public.v(x integer, VARIADIC y integer[]) (SFUNC = s, STYPE = integer, FINALFUNC = ext.f, FINALFUNC_EXTRA);",
			`CREATE AGGREGATE public.v(x integer, VARIADIC y integer[]) (SFUNC = s, STYPE = integer, FINALFUNC = ext.f, FINALFUNC_EXTRA)`, "result of ext.f"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var defs []*schema.Function
			for _, src := range []string{tc.a, tc.b} {
				s, _, err := Parse("test.sql", []byte(fns+src))
				if err != nil {
					t.Fatal(err)
				}
				if len(s.Unsupported) > 0 {
					t.Fatalf("unsupported: %v", s.Unsupported[0].Kind)
				}
				for _, f := range s.Functions {
					if f.Kind == schema.KindAggregate {
						defs = append(defs, f)
					}
				}
			}
			if len(defs) != 2 {
				t.Fatalf("%d aggregates, want 2", len(defs))
			}
			for _, f := range defs {
				if f.Definition != tc.want || f.Returns != tc.returns {
					t.Errorf("definition %q returning %q,\nwant %q returning %q", f.Definition, f.Returns, tc.want, tc.returns)
				}
			}
		})
	}
}

// TestAggregateErrors: an aggregate PostgreSQL rejects is an error, one
// the model cannot hold is unsupported, with its kind.
func TestAggregateErrors(t *testing.T) {
	for _, tc := range []struct{ name, src, err, unsupported string }{
		{"no state function", "CREATE AGGREGATE a(int) (STYPE = int);", "aggregate sfunc must be specified", ""},
		{"no state type", "CREATE AGGREGATE a(int) (SFUNC = int4pl);", "aggregate stype must be specified", ""},
		{"twice", "CREATE AGGREGATE a(int) (SFUNC = int4pl, STYPE = int);\nCREATE AGGREGATE a(integer) (SFUNC = int4pl, STYPE = int);", "already exists", ""},
		{"option twice", "CREATE AGGREGATE a(int) (SFUNC = int4pl, STYPE = int, STYPE = int);", "redundant", ""},
		{"bad PARALLEL", "CREATE AGGREGATE a(int) (SFUNC = int4pl, STYPE = int, PARALLEL = sometimes);", "SAFE, RESTRICTED or UNSAFE", ""},
		{"ordered-set", "CREATE AGGREGATE a(float8 ORDER BY int) (SFUNC = f, STYPE = internal);", "", "CREATE AGGREGATE (ordered-set)"},
		{"SORTOP", "CREATE AGGREGATE a(int) (SFUNC = int4larger, STYPE = int, SORTOP = >);", "", "CREATE AGGREGATE option SORTOP"},
		{"other DefineStmt", "CREATE OPERATOR === (LEFTARG = int, RIGHTARG = int, FUNCTION = int4eq);", "", "CREATE OPERATOR ==="},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, ok := parseOrError(t, tc.src, tc.err)
			if !ok {
				return
			}
			if len(s.Unsupported) != 1 || s.Unsupported[0].Kind != tc.unsupported {
				t.Errorf("unsupported %v, want %q", s.Unsupported, tc.unsupported)
			}
			if len(s.Functions) != 0 {
				t.Errorf("an unsupported aggregate is in the model: %v", s.Functions[0].Definition)
			}
		})
	}
}

// TestAggregateReplaceAndComment: CREATE OR REPLACE AGGREGATE replaces the
// definition and keeps the comment; COMMENT ON AGGREGATE agg(*) finds an
// aggregate of no arguments.
func TestAggregateReplaceAndComment(t *testing.T) {
	s, _, err := Parse("test.sql", []byte(`CREATE AGGREGATE cnt(*) (SFUNC = int8inc, STYPE = int8);
COMMENT ON AGGREGATE cnt(*) IS 'rows';
CREATE OR REPLACE AGGREGATE cnt(*) (SFUNC = int8inc, STYPE = int8, INITCOND = 0);`))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Functions) != 1 {
		t.Fatalf("%d functions, want 1", len(s.Functions))
	}
	f := s.Functions[0]
	if f.Comment != "rows" || !strings.Contains(f.Definition, "INITCOND = '0'") || f.Args != "" {
		t.Errorf("got %q (args %q) with comment %q", f.Definition, f.Args, f.Comment)
	}
}
