package postgres

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestPrivileges: the model holds each object's effective privileges, as
// PostgreSQL's ACL would, however the statements got there.
func TestPrivileges(t *testing.T) {
	const tbl = "CREATE TABLE t (a int, b text);\n"
	for _, tc := range []struct {
		name, src string
		want      []string
		defaults  []string
	}{
		{"grant all is the list", tbl + "GRANT ALL ON t TO app;",
			[]string{"table public.t app SELECT", "table public.t app INSERT", "table public.t app UPDATE", "table public.t app DELETE",
				"table public.t app TRUNCATE", "table public.t app REFERENCES", "table public.t app TRIGGER"}, nil},
		{"all equals the spelled-out list", tbl + "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON t TO app;",
			[]string{"table public.t app SELECT", "table public.t app INSERT", "table public.t app UPDATE", "table public.t app DELETE",
				"table public.t app TRUNCATE", "table public.t app REFERENCES", "table public.t app TRIGGER"}, nil},
		{"later revoke removes", tbl + "GRANT SELECT, UPDATE ON t TO app, PUBLIC;\nREVOKE UPDATE ON t FROM app;",
			[]string{"table public.t PUBLIC SELECT", "table public.t PUBLIC UPDATE", "table public.t app SELECT"}, nil},
		{"grant option, then revoked", tbl + "GRANT SELECT ON t TO app WITH GRANT OPTION;\nGRANT INSERT ON t TO app WITH GRANT OPTION;\nREVOKE GRANT OPTION FOR INSERT ON t FROM app;",
			[]string{"table public.t app SELECT*", "table public.t app INSERT"}, nil},
		{"column privileges", tbl + "GRANT SELECT (a, b), UPDATE (b) ON t TO app;",
			[]string{"table public.t.a app SELECT", "table public.t.b app SELECT", "table public.t.b app UPDATE"}, nil},
		{"a table revoke revokes columns too", tbl + "GRANT SELECT (a), UPDATE (a) ON t TO app;\nREVOKE UPDATE ON t FROM app;",
			[]string{"table public.t.a app SELECT"}, nil},
		{"all tables in schema", tbl + "CREATE VIEW v AS SELECT a FROM t;\nCREATE SEQUENCE s;\nGRANT SELECT ON ALL TABLES IN SCHEMA public TO ro;",
			[]string{"table public.t ro SELECT", "view public.v ro SELECT"}, nil},
		{"sequence named as a table", "CREATE SEQUENCE s;\nGRANT ALL ON TABLE s TO app;\nGRANT SELECT, INSERT ON s TO ro;",
			[]string{"sequence public.s app USAGE", "sequence public.s app SELECT", "sequence public.s app UPDATE", "sequence public.s ro SELECT"}, nil},
		{"function privileges by identity arguments", "REVOKE ALL ON FUNCTION f(int4, character varying) FROM PUBLIC;\nGRANT EXECUTE ON FUNCTION f(a integer, b varchar) TO app;",
			[]string{"function public.f(integer, character varying) PUBLIC EXECUTE revoked", "function public.f(integer, character varying) app EXECUTE"}, nil},
		{"type usage revoked from public", "CREATE TYPE mood AS ENUM ('a');\nREVOKE USAGE ON TYPE mood FROM PUBLIC;\nGRANT USAGE ON TYPE mood TO app;",
			[]string{"type public.mood PUBLIC USAGE revoked", "type public.mood app USAGE"}, nil},
		{"a revoke and a grant that give the built-in ACL back", "CREATE TYPE mood AS ENUM ('a');\nREVOKE USAGE ON TYPE mood FROM PUBLIC;\nGRANT USAGE ON TYPE mood TO PUBLIC;",
			nil, nil},
		{"schemas", "CREATE SCHEMA \"App\";\nGRANT USAGE, CREATE ON SCHEMA \"App\" TO app;\nREVOKE CREATE ON SCHEMA \"App\" FROM app;\nREVOKE USAGE ON SCHEMA public FROM PUBLIC;",
			[]string{"schema App app USAGE", "schema public PUBLIC USAGE revoked"}, nil},
		{"defaults apply to objects created after them", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ro;\n" + tbl +
			"ALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM ro;\nCREATE TABLE u (a int);",
			[]string{"table public.t ro SELECT"}, nil},
		{"defaults in a schema, for another role, for functions", "CREATE SCHEMA s;\n" +
			"ALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT SELECT, UPDATE ON TABLES TO ro WITH GRANT OPTION;\n" +
			"ALTER DEFAULT PRIVILEGES FOR ROLE admin GRANT ALL ON SEQUENCES TO app;\n" +
			"ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;\n" +
			"CREATE TABLE s.t (a int);\nCREATE SEQUENCE s.q;",
			[]string{"table s.t ro SELECT*", "table s.t ro UPDATE*"},
			[]string{" FUNCTIONS PUBLIC EXECUTE revoked", "s TABLES ro SELECT*", "s TABLES ro UPDATE*",
				"admin  SEQUENCES app SELECT", "admin  SEQUENCES app UPDATE", "admin  SEQUENCES app USAGE"}},
		{"the current user's own privileges are the owner's", tbl + "GRANT SELECT ON t TO CURRENT_USER;", nil, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, _, err := Parse("test.sql", []byte(tc.src))
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range s.Privileges {
				on := p.On.Kind + " " + p.On.Name.String()
				if p.On.Args != "" || p.On.Kind == "function" {
					on += "(" + p.On.Args + ")"
				}
				if p.On.Kind == "schema" {
					on = "schema " + p.On.Name.Name
				}
				if p.Column != "" {
					on += "." + p.Column
				}
				e := fmt.Sprintf("%s %s %s", on, p.Grantee, p.Privilege)
				if p.Grantable {
					e += "*"
				}
				if p.Revoked {
					e += " revoked"
				}
				if !p.Pos.IsValid() {
					t.Errorf("%s has no position", e)
				}
				got = append(got, e)
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("privileges (-want +got):\n%s", d)
			}
			var defs []string
			for _, d := range s.DefaultPrivileges {
				e := strings.TrimSpace(fmt.Sprintf("%s %s %s %s %s", d.Role, d.Schema, d.ObjectKind, d.Grantee, d.Privilege))
				if d.Role == "" && d.Schema == "" {
					e = " " + e
				}
				if d.Grantable {
					e += "*"
				}
				if d.Revoked {
					e += " revoked"
				}
				defs = append(defs, e)
			}
			if d := cmp.Diff(tc.defaults, defs); d != "" {
				t.Errorf("default privileges (-want +got):\n%s", d)
			}
		})
	}
}

// TestPrivilegeErrors: what PostgreSQL rejects is an error, what the
// model does not cover is reported as unsupported.
func TestPrivilegeErrors(t *testing.T) {
	for _, tc := range []struct{ src, err, unsupported string }{
		{"CREATE TABLE t (a int);\nGRANT USAGE ON t TO app;", "invalid privilege type USAGE for table", ""},
		{"CREATE TABLE t (a int);\nGRANT EXECUTE (a) ON t TO app;", "invalid privilege type EXECUTE for column", ""},
		{"CREATE TABLE t (a int);\nGRANT SELECT ON SEQUENCE t TO app;", "is not a sequence", ""},
		{"CREATE SCHEMA s;\nALTER DEFAULT PRIVILEGES IN SCHEMA s GRANT USAGE ON SCHEMAS TO app;", "cannot use IN SCHEMA", ""},
		{"GRANT SELECT ON nowhere TO app;", "", "GRANT/REVOKE on an unmodelled relation"},
		{"GRANT CONNECT ON DATABASE d TO app;", "", "GRANT/REVOKE ON DATABASE"},
		{"GRANT USAGE ON TYPE nothing TO app;", "", "GRANT/REVOKE on an unmodelled type"},
		{"GRANT EXECUTE ON FUNCTION f TO app;", "", "GRANT/REVOKE on a function named without its argument types"},
		{"CREATE AGGREGATE agg (integer ORDER BY integer) (sfunc = int4pl, stype = integer);\nGRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO app;", "",
			"GRANT/REVOKE ON ALL FUNCTIONS IN SCHEMA with unmodelled functions"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			s, ok := parseOrError(t, tc.src, tc.err)
			if !ok {
				return
			}
			found := false
			for _, u := range s.Unsupported {
				found = found || u.Kind == tc.unsupported
			}
			if !found {
				t.Errorf("no unsupported %q in %v", tc.unsupported, s.Unsupported)
			}
		})
	}
}
