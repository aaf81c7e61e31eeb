package diff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/zdplan/zdplan/diff"
)

const triggerBase = `CREATE TABLE t (a int);
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();
`

const aggBase = `CREATE FUNCTION add(bigint, integer) RETURNS bigint LANGUAGE sql AS 'SELECT $1 + $2';
CREATE FUNCTION fin(bigint) RETURNS text LANGUAGE sql AS 'SELECT $1::text';
`

const normBase = "CREATE FUNCTION norm(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower($1)';\n"
const normNamed = "CREATE FUNCTION norm(s text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT lower(s)';\n"

// TestRoutineChanges: functions, aggregates and triggers diff into the
// changes their plan needs, and applying the diff gives DESIRED.
func TestRoutineChanges(t *testing.T) {
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
	}{
		{"trigger disabled", triggerBase, triggerBase + `ALTER TABLE t DISABLE TRIGGER trg;`, []string{"SetTriggerEnabled"}},
		{"trigger enabled again", triggerBase + `ALTER TABLE t DISABLE TRIGGER trg;`, triggerBase, []string{"SetTriggerEnabled"}},
		{"pg_dump's ONLY and an explicit ENABLE are no change", triggerBase + `ALTER TABLE ONLY public.t ENABLE TRIGGER trg;`, triggerBase, nil},
		{"ENABLE TRIGGER USER sets every trigger", triggerBase + `ALTER TABLE t DISABLE TRIGGER trg;`,
			triggerBase + `ALTER TABLE t DISABLE TRIGGER USER;`, nil},
		{"replica and always", triggerBase + `ALTER TABLE t ENABLE REPLICA TRIGGER trg;`,
			triggerBase + `ALTER TABLE t ENABLE ALWAYS TRIGGER trg;`, []string{"SetTriggerEnabled"}},
		{"CREATE OR REPLACE TRIGGER fires in origin mode again", triggerBase + `ALTER TABLE t DISABLE TRIGGER trg;`,
			triggerBase + `ALTER TABLE t DISABLE TRIGGER trg;
CREATE OR REPLACE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION tf();`, []string{"SetTriggerEnabled"}},
		{"replaced and disabled", triggerBase,
			`CREATE TABLE t (a int);
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER trg BEFORE INSERT OR UPDATE ON t FOR EACH ROW EXECUTE FUNCTION tf();
ALTER TABLE t DISABLE TRIGGER trg;`, []string{"ReplaceTrigger", "SetTriggerEnabled"}},
		{"new disabled trigger", `CREATE TABLE t (a int);
CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;`,
			triggerBase + `ALTER TABLE t DISABLE TRIGGER trg;`, []string{"CreateTrigger"}},
		{"new aggregate", aggBase, aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);`, []string{"CreateFunction"}},
		{"dropped aggregate", aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);`, aggBase, []string{"DropFunction"}},
		{"aggregate options: CREATE OR REPLACE", aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);`,
			aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint, INITCOND = 0, PARALLEL = SAFE);`, []string{"ReplaceFunction"}},
		{"aggregate result type: recreated", aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);`,
			aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint, FINALFUNC = fin);`, []string{"ReplaceFunction(recreate)"}},
		{"aggregate final function of the same result: CREATE OR REPLACE", aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint, FINALFUNC = fin);`,
			aggBase + `CREATE FUNCTION fin2(bigint) RETURNS text LANGUAGE sql AS 'SELECT $1::text';
CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint, FINALFUNC = fin2);`, []string{"CreateFunction", "ReplaceFunction"}},
		{"aggregate argument name: recreated", aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);`,
			aggBase + `CREATE AGGREGATE total(n int) (SFUNC = add, STYPE = bigint);`, []string{"ReplaceFunction(recreate)"}},
		{"aggregate comment", aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);`,
			aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint); COMMENT ON AGGREGATE total(int) IS 'sum';`, []string{"SetComment"}},
		{"signature change under a CHECK: rebuilt around it", normBase + `CREATE TABLE t (a text CHECK (norm(a) <> ''));`,
			normNamed + `CREATE TABLE t (a text CHECK (norm(a) <> ''));`, []string{"ReplaceFunction(recreate)"}},
		{"signature change under an index", normBase + `CREATE TABLE t (a text); CREATE INDEX t_norm ON t (norm(a));`,
			normNamed + `CREATE TABLE t (a text); CREATE INDEX t_norm ON t (norm(a));`, []string{"Unsupported: index public.t_norm"}},
		{"signature change under a view and a partial index", normBase + `CREATE TABLE t (a text); CREATE INDEX t_a ON t (a) WHERE public.norm(a) = 'x';
CREATE VIEW v AS SELECT "norm" (a) FROM t;`,
			normNamed + `CREATE TABLE t (a text); CREATE INDEX t_a ON t (a) WHERE public.norm(a) = 'x';
CREATE VIEW v AS SELECT norm(a) FROM t;`, []string{"Unsupported: index public.t_a, view public.v"}},
		{"a function of another name is no user", normBase + `CREATE TABLE t (a text); CREATE INDEX t_norm ON t (abnorm(a), norm2(a));`,
			normNamed + `CREATE TABLE t (a text); CREATE INDEX t_norm ON t (abnorm(a), norm2(a));`, []string{"ReplaceFunction(recreate)"}},
		{"state function of an aggregate", aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);`,
			`CREATE FUNCTION add(s bigint, v integer) RETURNS bigint LANGUAGE sql AS 'SELECT $1 + $2';
CREATE FUNCTION fin(bigint) RETURNS text LANGUAGE sql AS 'SELECT $1::text';
CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);`, []string{"Unsupported: aggregate public.total(integer)"}},
		{"aggregate result type under a view", aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint);
CREATE TABLE t (a int); CREATE VIEW v AS SELECT total(a) FROM t;`,
			aggBase + `CREATE AGGREGATE total(int) (SFUNC = add, STYPE = bigint, FINALFUNC = fin);
CREATE TABLE t (a int); CREATE VIEW v AS SELECT total(a) FROM t;`, []string{"Unsupported: view public.v"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cur, des := parse(t, "current.sql", tc.current), parse(t, "desired.sql", tc.desired)
			d := diff.Schemas(cur, des)
			var got []string
			for _, c := range d.Changes {
				if r, ok := c.(diff.ReplaceFunction); ok && r.Recreate {
					got = append(got, c.Kind()+"(recreate)")
					continue
				}
				if u, ok := c.(diff.Unsupported); ok {
					// The objects that use the function, as the diagnostic names them.
					users, _, _ := strings.Cut(strings.SplitN(u.What, ", which ", 2)[1], " use")
					got = append(got, c.Kind()+": "+users)
					continue
				}
				got = append(got, c.Kind())
			}
			if !slices.Equal(got, tc.want) {
				t.Fatalf("changes %v, want %v", got, tc.want)
			}
			if strings.HasPrefix(strings.Join(got, ","), "Unsupported") {
				return
			}
			checkApply(t, cur, des, d)
		})
	}
}
