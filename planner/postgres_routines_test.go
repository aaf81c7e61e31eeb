package planner

import (
	"strings"
	"testing"

	"github.com/zdplan/zdplan/diff"
	pgq "github.com/zdplan/zdplan/parser/postgres"
)

// TestTriggerStatePhases: a trigger that fires in more sessions is
// switched in expand, one that fires in fewer in contract, and a
// replaced trigger comes back in CURRENT's state until then.
func TestTriggerStatePhases(t *testing.T) {
	const base = `CREATE TABLE "Orders" (a int);
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER "Audit" BEFORE INSERT ON "Orders" FOR EACH ROW EXECUTE FUNCTION tf();
`
	state := map[string]string{
		"enable":  "",
		"disable": `ALTER TABLE "Orders" DISABLE TRIGGER "Audit";`,
		"replica": `ALTER TABLE "Orders" ENABLE REPLICA TRIGGER "Audit";`,
		"always":  `ALTER TABLE "Orders" ENABLE ALWAYS TRIGGER "Audit";`,
	}
	for _, tc := range []struct {
		from, to string
		phase    Phase
		sql      string
	}{
		{"disable", "enable", Expand, `ALTER TABLE public."Orders" ENABLE TRIGGER "Audit";`},
		{"replica", "always", Expand, `ALTER TABLE public."Orders" ENABLE ALWAYS TRIGGER "Audit";`},
		{"enable", "always", Expand, `ALTER TABLE public."Orders" ENABLE ALWAYS TRIGGER "Audit";`},
		{"disable", "replica", Expand, `ALTER TABLE public."Orders" ENABLE REPLICA TRIGGER "Audit";`},
		{"enable", "disable", Contract, `ALTER TABLE public."Orders" DISABLE TRIGGER "Audit";`},
		{"always", "enable", Contract, `ALTER TABLE public."Orders" ENABLE TRIGGER "Audit";`},
		{"enable", "replica", Contract, `ALTER TABLE public."Orders" ENABLE REPLICA TRIGGER "Audit";`},
		{"replica", "enable", Contract, `ALTER TABLE public."Orders" ENABLE TRIGGER "Audit";`},
	} {
		t.Run(tc.from+" to "+tc.to, func(t *testing.T) {
			steps := planOf(t, base+state[tc.from], base+state[tc.to])
			if len(steps) != 1 || steps[0].Phase != tc.phase || steps[0].SQL != tc.sql {
				t.Fatalf("steps %+v, want one in %v: %s", steps, tc.phase, tc.sql)
			}
			if tc.phase == Expand && steps[0].Reverse == "" {
				t.Errorf("an expand step has no reverse")
			}
		})
	}
	t.Run("replaced, then disabled in contract", func(t *testing.T) {
		changed := strings.Replace(base, "BEFORE INSERT", "BEFORE INSERT OR UPDATE", 1)
		steps := planOf(t, base+state["replica"], changed+state["disable"])
		if len(steps) != 2 || steps[0].Phase != Expand || steps[1].Phase != Contract {
			t.Fatalf("steps %+v", steps)
		}
		if !strings.Contains(steps[0].SQL, "CREATE OR REPLACE TRIGGER") || !strings.HasSuffix(steps[0].SQL, `ENABLE REPLICA TRIGGER "Audit";`) {
			t.Errorf("the replaced trigger does not keep CURRENT's state:\n%s", steps[0].SQL)
		}
		if steps[1].SQL != state["disable"] && !strings.Contains(steps[1].SQL, `DISABLE TRIGGER "Audit"`) {
			t.Errorf("contract: %s", steps[1].SQL)
		}
	})
	t.Run("new and disabled", func(t *testing.T) {
		steps := planOf(t, `CREATE TABLE "Orders" (a int);
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;`, base+state["disable"])
		if len(steps) != 1 || steps[0].Phase != Expand || !strings.HasSuffix(steps[0].SQL, `DISABLE TRIGGER "Audit";`) {
			t.Fatalf("steps %+v", steps)
		}
	})
}

// TestAggregateSteps: aggregates are created after their support
// functions, replaced in place when PostgreSQL allows it, and dropped
// before their support functions.
func TestAggregateSteps(t *testing.T) {
	const fns = "CREATE FUNCTION add(bigint, integer) RETURNS bigint LANGUAGE sql AS 'SELECT $1 + $2';\n"
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
	}{
		{"created after its state function", "", "CREATE FUNCTION z_add(bigint, integer) RETURNS bigint LANGUAGE sql AS 'SELECT $1 + $2';\n" +
			"CREATE AGGREGATE a_total(int) (SFUNC = z_add, STYPE = bigint);\nCREATE TABLE t (a int);\nCREATE VIEW v AS SELECT a_total(a) FROM t;",
			[]string{"expand: CREATE OR REPLACE FUNCTION public.z_add", "expand: CREATE OR REPLACE AGGREGATE public.a_total(integer) (SFUNC = public.z_add, STYPE = bigint);",
				"expand: CREATE TABLE", "expand: CREATE OR REPLACE VIEW public.v"}},
		{"no arguments", "", "CREATE AGGREGATE cnt(*) (SFUNC = int8inc, STYPE = int8);",
			[]string{"expand: CREATE OR REPLACE AGGREGATE public.cnt(*) (SFUNC = int8inc, STYPE = bigint);"}},
		{"replaced", fns + "CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);", fns + "CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint, INITCOND = 0);",
			[]string{"expand: CREATE OR REPLACE AGGREGATE public.total(integer) (SFUNC = public.add, STYPE = bigint, INITCOND = '0');"}},
		{"recreated", fns + "CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);", fns + "CREATE AGGREGATE total(n int) (SFUNC = add, STYPE = bigint);",
			[]string{"expand: BEGIN;\nDROP AGGREGATE IF EXISTS public.total(integer);\nCREATE AGGREGATE public.total(n integer) (SFUNC = public.add, STYPE = bigint);\nCOMMIT;"}},
		{"dropped before its state function", fns + "CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);", "",
			[]string{"contract: DROP AGGREGATE IF EXISTS public.total(integer);", "contract: DROP FUNCTION IF EXISTS public.add(bigint, integer);"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range planOf(t, tc.current, tc.desired) {
				got = append(got, s.Phase.String()+": "+s.SQL)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("steps:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tc.want[i]) {
					t.Errorf("step %d:\n%s\nwant prefix:\n%s", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func planOf(t *testing.T, current, desired string) []Step {
	t.Helper()
	from, _, err := pgq.Parse("current.sql", []byte(current))
	if err != nil {
		t.Fatal(err)
	}
	to, _, err := pgq.Parse("desired.sql", []byte(desired))
	if err != nil {
		t.Fatal(err)
	}
	p, err := New(diff.Schemas(from, to), Options{})
	if err != nil {
		t.Fatal(err)
	}
	return p.Steps
}
