package diff_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/parser/postgres"
	"github.com/zdplan/zdplan/schema"
)

func parse(t *testing.T, name, src string) *schema.Schema {
	t.Helper()
	s, _, err := postgres.Parse(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func kinds(d *diff.Diff) []string {
	var out []string
	for _, c := range d.Changes {
		out = append(out, c.Kind()+" "+c.Object())
	}
	return out
}

// checkChanges diffs current against desired and wants exactly the
// changes of the kinds want, in order, an Unsupported one saying why; then,
// unless a change is unsupported, applying the changes to current must
// leave nothing to diff against desired.
func checkChanges(t *testing.T, current, desired string, want []string, why string) {
	t.Helper()
	cur, des := parse(t, "current.sql", current), parse(t, "desired.sql", desired)
	d := diff.Schemas(cur, des)
	var got []string
	for _, c := range d.Changes {
		got = append(got, c.Kind())
		if u, ok := c.(diff.Unsupported); ok && !strings.Contains(u.What, why) {
			t.Errorf("unsupported %q, want it to say %q", u.What, why)
		}
	}
	if !slices.Equal(got, want) {
		t.Fatalf("changes %v, want %v", got, want)
	}
	if !slices.Contains(got, "Unsupported") {
		checkApply(t, cur, des, d)
	}
}

// checkApply wants d's changes applied to cur to leave nothing to diff
// against des.
func checkApply(t *testing.T, cur, des *schema.Schema, d *diff.Diff) {
	t.Helper()
	applied, err := diff.Apply(cur, d.Changes)
	if err != nil {
		t.Fatal(err)
	}
	if rest := diff.Schemas(applied, des); len(rest.Changes) > 0 {
		t.Errorf("applied schema still differs: %v", kinds(rest))
	}
}

// TestHintedChanges: hints turn drops and adds into renames and splits;
// a hint whose change has already happened changes nothing.
func TestHintedChanges(t *testing.T) {
	cases := []struct {
		name, current, desired string
		want                   []string
	}{
		{"column rename",
			"CREATE TABLE p (id int PRIMARY KEY, last_name text);",
			"CREATE TABLE p (id int PRIMARY KEY,\n surname text -- zdplan:renamed-from last_name\n);",
			[]string{"RenameColumn public.p.last_name"}},
		{"rename of a key column",
			"CREATE TABLE p (id int PRIMARY KEY);",
			"CREATE TABLE p (\n pid int PRIMARY KEY -- zdplan:renamed-from id\n);",
			[]string{"Unsupported public.p.id", "ReplaceConstraint public.p.p_pkey"}},
		{"column rename already done",
			"CREATE TABLE p (id int PRIMARY KEY, surname text);",
			"CREATE TABLE p (id int PRIMARY KEY,\n surname text -- zdplan:renamed-from last_name\n);",
			nil},
		{"table rename with dependents",
			"CREATE TABLE users (id serial PRIMARY KEY, name text);\nCREATE INDEX users_name_idx ON users (name);\nCREATE TABLE o (u int REFERENCES users);",
			"-- zdplan:renamed-from users\nCREATE TABLE people (id serial PRIMARY KEY, name text);\nCREATE INDEX people_name_idx ON people (name);\nCREATE TABLE o (u int REFERENCES people);",
			[]string{"RenameTable public.users", "RenameConstraint public.people.users_pkey", "RenameIndex public.users_name_idx", "RenameSequence public.users_id_seq"}},
		{"table rename already done",
			"CREATE TABLE people (id int PRIMARY KEY);",
			"-- zdplan:renamed-from users\nCREATE TABLE people (id int PRIMARY KEY);",
			nil},
		{"split",
			"CREATE TABLE users (id int PRIMARY KEY, a1 text, a2 text);",
			"CREATE TABLE users (id int PRIMARY KEY);\n-- zdplan:split-from users on user_id = id\nCREATE TABLE addresses (user_id int PRIMARY KEY REFERENCES users, a1 text, a2 text);",
			[]string{"CreateTable public.addresses", "AddConstraint public.addresses.addresses_user_id_fkey", "SplitTable public.addresses",
				"DropColumn public.users.a1", "DropColumn public.users.a2"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			from, to := parse(t, "current.sql", tc.current), parse(t, "desired.sql", tc.desired)
			if err := diff.CheckHints(from, to); err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(tc.want, kinds(diff.Schemas(from, to))); d != "" {
				t.Errorf("changes (-want +got):\n%s", d)
			}
		})
	}
}

// TestCheckHints: a hint that cannot be followed is an error at the
// hint's position.
func TestCheckHints(t *testing.T) {
	cases := []struct{ name, current, desired, want string }{
		{"rename from missing column",
			"CREATE TABLE p (id int);",
			"CREATE TABLE p (id int,\n b text -- zdplan:renamed-from a\n);",
			"desired.sql:2:9: zdplan:renamed-from a: table public.p has no column a in CURRENT"},
		{"rename but old kept",
			"CREATE TABLE p (id int, a text);",
			"CREATE TABLE p (id int, a text,\n b text -- zdplan:renamed-from a\n);",
			"DESIRED still has column public.p.a"},
		{"table rename from missing",
			"CREATE TABLE p (id int);",
			"-- zdplan:renamed-from q\nCREATE TABLE r (id int);",
			"desired.sql:1:1: zdplan:renamed-from public.q: CURRENT has no table public.q"},
		{"split from missing",
			"CREATE TABLE p (id int);",
			"CREATE TABLE p (id int);\n-- zdplan:split-from q on a = id\nCREATE TABLE r (a int, b text);",
			"CURRENT has no table public.q"},
		{"split with nothing to move",
			"CREATE TABLE p (id int, x text);",
			"CREATE TABLE p (id int, x text);\n-- zdplan:split-from p on a = id\nCREATE TABLE r (a int, b text);",
			"has no column of the same name"},
		{"using reads a missing column",
			"CREATE TABLE p (id int, a text);",
			"CREATE TABLE p (id int,\n a int -- zdplan:using nope::int\n);",
			"zdplan:using: table public.p has no column nope in CURRENT"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := diff.CheckHints(parse(t, "current.sql", tc.current), parse(t, "desired.sql", tc.desired))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}
