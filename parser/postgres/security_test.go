package postgres

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPolicies: CREATE POLICY in its spellings gives one canonical
// policy, and the expressions pg_dump prints for it compare equal to the
// ones written by hand.
func TestPolicies(t *testing.T) {
	const table = "CREATE TABLE t (id bigint PRIMARY KEY, tenant text, owner text);\n"
	for _, tc := range []struct {
		name, sql  string
		permissive bool
		command    string
		roles      []string
		using      string
		check      string
	}{
		{"defaults", "CREATE POLICY p ON t USING (true);", true, "ALL", []string{"public"}, "true", ""},
		{"spelled out", "CREATE POLICY p ON public.t AS PERMISSIVE FOR ALL TO PUBLIC USING (true);", true, "ALL", []string{"public"}, "true", ""},
		{"restrictive select", "CREATE POLICY p ON t AS RESTRICTIVE FOR SELECT TO zdplan_app USING (tenant = 'a');", false, "SELECT", []string{"zdplan_app"}, "tenant = 'a'", ""},
		{"roles sorted, keywords", `CREATE POLICY p ON t FOR INSERT TO "Bob", CURRENT_USER, alice, alice WITH CHECK (owner = current_user);`,
			true, "INSERT", []string{"Bob", "alice", "current_user"}, "", "owner = current_user"},
		{"subquery qualified", "CREATE POLICY p ON t FOR UPDATE USING (id IN (SELECT id FROM t)) WITH CHECK (true);",
			true, "UPDATE", []string{"public"}, "id IN (SELECT id FROM public.t)", "true"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustParse(t, table+tc.sql)
			if len(s.Policies) != 1 {
				t.Fatalf("%d policies", len(s.Policies))
			}
			p := s.Policies[0]
			var using, check string
			if p.Using != nil {
				using = p.Using.SQL
			}
			if p.Check != nil {
				check = p.Check.SQL
			}
			got := []any{p.Name, p.Table.String(), p.Permissive, p.Command, p.Roles, using, check}
			want := []any{"p", "public.t", tc.permissive, tc.command, tc.roles, tc.using, tc.check}
			if d := cmp.Diff(want, got); d != "" {
				t.Errorf("policy (-want +got):\n%s", d)
			}
		})
	}

	// pg_get_expr's spelling of the same policy.
	hand := mustParse(t, table+`CREATE POLICY p ON t USING (tenant::text = current_setting('app.tenant', true)::text)
		WITH CHECK (EXISTS (SELECT 1 FROM t u WHERE u.id = 1));`)
	dump := mustParse(t, table+`CREATE POLICY p ON public.t USING (((tenant)::text = current_setting('app.tenant'::text, true)))
		WITH CHECK ((EXISTS ( SELECT 1 FROM public.t u WHERE (u.id = 1))));`)
	if a, b := hand.Policies[0], dump.Policies[0]; !a.Using.Equal(b.Using) || !a.Check.Equal(b.Check) {
		t.Errorf("hand-written and dumped policy differ:\n%s | %s\n%s | %s", a.Using.Key, b.Using.Key, a.Check.Key, b.Check.Key)
	}
}

// TestPolicyErrors: what PostgreSQL refuses is an error with a position.
func TestPolicyErrors(t *testing.T) {
	const table = "CREATE TABLE t (id bigint PRIMARY KEY);\n"
	for _, tc := range []struct{ sql, err string }{
		{"CREATE POLICY p ON missing USING (true);", "relation public.missing does not exist"},
		{"CREATE POLICY p ON t USING (true);\nCREATE POLICY p ON t USING (false);", `policy "p" for table public.t already exists`},
		{"CREATE POLICY p ON t FOR INSERT USING (true);", "only WITH CHECK expression allowed for INSERT"},
		{"CREATE POLICY p ON t FOR SELECT WITH CHECK (true);", "WITH CHECK cannot be applied to SELECT or DELETE"},
		{"ALTER POLICY q ON t USING (true);", `policy "q" for table public.t does not exist`},
		{"COMMENT ON POLICY q ON t IS 'x';", `policy "q" for table public.t does not exist`},
		{"COMMENT ON INDEX nope IS 'x';", "index public.nope does not exist"},
		{"COMMENT ON CONSTRAINT nope ON t IS 'x';", `constraint "nope" for table public.t does not exist`},
	} {
		_, _, err := Parse("test.sql", []byte(table+tc.sql))
		if err == nil || !strings.Contains(err.Error(), tc.err) || !strings.HasPrefix(err.Error(), "test.sql:") {
			t.Errorf("%s: error %v, want test.sql:...: %s", tc.sql, err, tc.err)
		}
	}
}

// TestRowSecurityAndComments: ALTER TABLE ... ROW LEVEL SECURITY and
// ALTER POLICY change the model as they change the database, and COMMENT
// ON reaches every modelled kind.
func TestRowSecurityAndComments(t *testing.T) {
	s := mustParse(t, `
CREATE TYPE mood AS ENUM ('ok');
CREATE SEQUENCE s;
CREATE TABLE t (id bigint PRIMARY KEY, m mood);
CREATE INDEX t_m_idx ON t (m);
CREATE VIEW v AS SELECT id FROM t;
CREATE POLICY p ON t TO zdplan_app USING (true);
ALTER TABLE ONLY t ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE t NO FORCE ROW LEVEL SECURITY;
ALTER POLICY p ON t TO PUBLIC WITH CHECK (id > 0);
COMMENT ON TYPE mood IS 'type';
COMMENT ON SEQUENCE s IS 'seq';
COMMENT ON INDEX t_m_idx IS 'index';
COMMENT ON CONSTRAINT t_pkey ON t IS 'pk';
COMMENT ON POLICY p ON t IS 'policy';
COMMENT ON COLUMN v.id IS 'view column';
COMMENT ON SCHEMA public IS 'public';
`)
	tb, p := s.Tables[0], s.Policies[0]
	got := []any{tb.RowSecurity, tb.ForceRowSecurity, p.Roles, p.Using.SQL, p.Check.SQL,
		s.Enums[0].Comment, s.Sequences[0].Comment, s.Indexes[0].Comment, tb.Constraints[0].Comment, p.Comment,
		s.Views[0].ColumnComments["id"], s.PublicComment}
	want := []any{true, false, []string{"public"}, "true", "id > 0",
		"type", "seq", "index", "pk", "policy", "view column", "public"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if d := mustParse(t, "COMMENT ON SCHEMA public IS 'standard public schema';"); d.PublicComment != "" {
		t.Errorf("the server's own comment on public is kept as %q", d.PublicComment)
	}
}
