package diff_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/diff"
)

// TestSecurityChanges: what ALTER POLICY can do is an AlterPolicy, the
// rest a ReplacePolicy; an object created again gets its comment back,
// an unchanged one only when its comment changed; and applying the diff
// gives DESIRED.
func TestSecurityChanges(t *testing.T) {
	const table = "CREATE TABLE t (id bigint PRIMARY KEY, a int, CONSTRAINT a_check CHECK (a > 0));\n"
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
	}{
		{"same policy, other spelling", table + "CREATE POLICY p ON t USING (a > 0);",
			table + "CREATE POLICY p ON public.t AS PERMISSIVE FOR ALL TO PUBLIC USING ((a > 0));", nil},
		{"roles and USING in place", table + "CREATE POLICY p ON t USING (a > 0);",
			table + "CREATE POLICY p ON t TO zdplan_app USING (a > 1) WITH CHECK (true);", []string{"AlterPolicy public.t.p"}},
		{"command", table + "CREATE POLICY p ON t USING (a > 0);",
			table + "CREATE POLICY p ON t FOR SELECT USING (a > 0);", []string{"ReplacePolicy public.t.p"}},
		{"kind", table + "CREATE POLICY p ON t USING (a > 0);",
			table + "CREATE POLICY p ON t AS RESTRICTIVE USING (a > 0);", []string{"ReplacePolicy public.t.p"}},
		{"WITH CHECK removed", table + "CREATE POLICY p ON t USING (a > 0) WITH CHECK (true);",
			table + "CREATE POLICY p ON t USING (a > 0);", []string{"ReplacePolicy public.t.p"}},
		{"replaced policy keeps its comment", table + "CREATE POLICY p ON t USING (a > 0); COMMENT ON POLICY p ON t IS 'x';",
			table + "CREATE POLICY p ON t AS RESTRICTIVE USING (a > 0); COMMENT ON POLICY p ON t IS 'x';",
			[]string{"ReplacePolicy public.t.p", "SetComment public.t.p"}},
		{"altered policy keeps its comment", table + "CREATE POLICY p ON t USING (a > 0); COMMENT ON POLICY p ON t IS 'x';",
			table + "CREATE POLICY p ON t USING (a > 1); COMMENT ON POLICY p ON t IS 'x';",
			[]string{"AlterPolicy public.t.p"}},
		{"dropped with its table", table + "CREATE POLICY p ON t USING (true); ALTER TABLE t ENABLE ROW LEVEL SECURITY;",
			"", []string{"DropTable public.t"}},
		{"row security", table, table + "ALTER TABLE t ENABLE ROW LEVEL SECURITY;", []string{"SetRowSecurity public.t"}},
		{"new table under row security", "", table + "ALTER TABLE t FORCE ROW LEVEL SECURITY;",
			[]string{"CreateTable public.t", "SetRowSecurity public.t"}},
		{"index comment only", table + "CREATE INDEX i ON t (a);", table + "CREATE INDEX i ON t (a); COMMENT ON INDEX i IS 'x';",
			[]string{"SetComment public.i"}},
		{"replaced index keeps its comment", table + "CREATE INDEX i ON t (a); COMMENT ON INDEX i IS 'x';",
			table + "CREATE INDEX i ON t (a) WHERE a > 0; COMMENT ON INDEX i IS 'x';",
			[]string{"ReplaceIndex public.i", "SetComment public.i"}},
		{"constraint comment only", table, table + "COMMENT ON CONSTRAINT a_check ON t IS 'x';",
			[]string{"SetComment public.t.a_check"}},
		{"public schema comment removed", "COMMENT ON SCHEMA public IS 'x';", "",
			[]string{"SetComment public"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to := parse(t, "current.sql", tc.current), parse(t, "desired.sql", tc.desired)
			d := diff.Schemas(from, to)
			if diff := cmp.Diff(tc.want, kinds(d)); diff != "" {
				t.Errorf("changes (-want +got):\n%s", diff)
			}
			got, err := diff.Apply(from, d.Changes)
			if err != nil {
				t.Fatal(err)
			}
			if rest := diff.Schemas(got, to); len(rest.Changes) > 0 {
				t.Errorf("applied, still differs: %v", kinds(rest))
			}
		})
	}
}
