package diff_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/diff"
)

// TestPrivileges: the diff compares effective ACLs, so that what differs
// in the database, and only that, becomes a grant or a revoke; and Apply
// follows every change, so that the applied schema diffs empty.
func TestPrivileges(t *testing.T) {
	const users = "CREATE TABLE users (id bigint PRIMARY KEY, email text, note text);\n"
	for _, tc := range []struct {
		name, current, desired string
		want                   []string
	}{
		{"same set, other spelling", users + "GRANT ALL ON users TO app;",
			users + "GRANT SELECT, INSERT, UPDATE, DELETE ON users TO app;\nGRANT TRUNCATE, REFERENCES, TRIGGER ON users TO app;", nil},
		{"grant and revoke", users + "GRANT SELECT, UPDATE ON users TO app;",
			users + "GRANT SELECT, INSERT ON users TO app;",
			[]string{"GrantPrivileges public.users app INSERT", "RevokePrivileges public.users app UPDATE"}},
		{"grant option up and down", users + "GRANT SELECT ON users TO app;\nGRANT INSERT ON users TO app WITH GRANT OPTION;",
			users + "GRANT SELECT ON users TO app WITH GRANT OPTION;\nGRANT INSERT ON users TO app;",
			[]string{"GrantPrivileges public.users app SELECT with grant option", "RevokePrivileges public.users app INSERT grant option only"}},
		{"dropped table and column take their privileges", users + "CREATE TABLE t (a int);\nGRANT SELECT ON t TO app;\nGRANT UPDATE (note) ON users TO app;",
			"CREATE TABLE users (id bigint PRIMARY KEY, email text);",
			[]string{"DropColumn public.users.note", "DropTable public.t"}},
		{"renamed table keeps its privileges", users + "GRANT SELECT ON users TO app;",
			"-- zdplan:renamed-from users\nCREATE TABLE people (id bigint PRIMARY KEY, email text, note text);\nGRANT SELECT ON people TO app;",
			[]string{"RenameTable public.users", "RenameConstraint public.people.users_pkey"}},
		{"renamed column: grant on the new one", users + "GRANT UPDATE (note) ON users TO app;",
			"CREATE TABLE users (id bigint PRIMARY KEY, email text,\n remark text -- zdplan:renamed-from note\n);\nGRANT UPDATE (remark) ON users TO app;",
			[]string{"RenameColumn public.users.note", "GrantPrivileges public.users.remark app UPDATE"}},
		{"function revoked from PUBLIC", "", "REVOKE EXECUTE ON FUNCTION f(int) FROM PUBLIC;",
			[]string{"RevokePrivileges public.f(integer) PUBLIC EXECUTE"}},
		{"new object under CURRENT's defaults", "ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ro;",
			"ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO ro;\nCREATE TABLE early (a int);\nALTER DEFAULT PRIVILEGES REVOKE SELECT ON TABLES FROM ro;\nCREATE TABLE late (a int);",
			[]string{"CreateTable public.early", "CreateTable public.late", "RevokePrivileges public.late ro SELECT new object",
				"AlterDefaultPrivileges default privileges on tables ro SELECT revoke"}},
		{"rebuilt view gets its grants again", users + "CREATE VIEW v AS SELECT id FROM users;\nGRANT SELECT ON v TO ro;",
			users + "CREATE VIEW v AS SELECT id, email FROM users;\nGRANT SELECT ON v TO ro;",
			[]string{"ReplaceView public.v", "GrantPrivileges public.v ro SELECT new object"}},
		{"public schema", "REVOKE ALL ON SCHEMA public FROM PUBLIC;", "",
			[]string{"GrantPrivileges schema public PUBLIC USAGE"}},
		{"default privileges of another role, in a schema", "CREATE SCHEMA s;",
			"CREATE SCHEMA s;\nALTER DEFAULT PRIVILEGES FOR ROLE admin IN SCHEMA s GRANT SELECT ON TABLES TO ro WITH GRANT OPTION;",
			[]string{"AlterDefaultPrivileges default privileges on tables for role admin in schema s ro SELECT grant with grant option"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			from, to := parse(t, "current.sql", tc.current), parse(t, "desired.sql", tc.desired)
			d := diff.Schemas(from, to)
			var got []string
			for _, c := range d.Changes {
				got = append(got, describe(c))
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("changes (-want +got):\n%s", d)
			}
			applied, err := diff.Apply(from, d.Changes)
			if err != nil {
				t.Fatal(err)
			}
			if rest := diff.Schemas(applied, to); len(rest.Changes) > 0 {
				t.Errorf("applied schema still differs: %v", kinds(rest))
			}
		})
	}
}

func describe(c diff.Change) string {
	s := c.Kind() + " " + c.Object()
	switch c := c.(type) {
	case diff.GrantPrivileges:
		s += " " + c.Grantee + " " + strings.Join(c.Privileges, ",")
		if c.GrantOption {
			s += " with grant option"
		}
		if c.NewObject {
			s += " new object"
		}
	case diff.RevokePrivileges:
		s += " " + c.Grantee + " " + strings.Join(c.Privileges, ",")
		if c.GrantOptionOnly {
			s += " grant option only"
		}
		if c.NewObject {
			s += " new object"
		}
	case diff.AlterDefaultPrivileges:
		s += fmt.Sprintf(" %s %s", c.Grantee, strings.Join(c.Privileges, ","))
		if c.Grant {
			s += " grant"
		} else {
			s += " revoke"
		}
		if c.GrantOption {
			s += " with grant option"
		}
	}
	if !c.Pos().IsValid() {
		s += " (no position)"
	}
	return s
}
