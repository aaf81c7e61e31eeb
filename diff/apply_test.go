package diff_test

import (
	"strings"
	"testing"

	"github.com/zdplan/zdplan/diff"
	"github.com/zdplan/zdplan/schema"
)

// TestApply: applying a diff to its CURRENT gives DESIRED, renames
// included, and leaves CURRENT as it was; a change that does not fit the
// schema, or one zdplan does not support, is an error.
func TestApply(t *testing.T) {
	cur := parse(t, "current.sql", `
CREATE TABLE users (id serial PRIMARY KEY, email text, legacy text);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id int REFERENCES users (id));
CREATE INDEX users_email_idx ON users (email);
CREATE VIEW v AS SELECT id FROM users;`)
	des := parse(t, "desired.sql", `
-- zdplan:renamed-from users
CREATE TABLE people (id serial PRIMARY KEY, email text NOT NULL, age int);
CREATE TABLE orders (id bigint PRIMARY KEY, user_id int REFERENCES people (id));
CREATE INDEX users_email_idx ON people (email);
CREATE VIEW v AS SELECT id, email FROM people;
COMMENT ON TABLE people IS 'renamed';`)
	before := len(cur.Table(cur.Tables[0].Name).Columns)
	d := diff.Schemas(cur, des)
	got, err := diff.Apply(cur, d.Changes)
	if err != nil {
		t.Fatal(err)
	}
	if rest := diff.Schemas(got, des); len(rest.Changes) > 0 {
		t.Errorf("still differs: %v", kinds(rest))
	}
	if len(cur.Tables[0].Columns) != before || cur.Tables[0].Name.Name != "users" {
		t.Errorf("Apply changed its input")
	}
	// The diff and Apply both see orders' foreign key reference the
	// renamed table; copies of a constraint share its Reference, which
	// must be replaced, not written through.
	for _, c := range cur.Table(schema.Name{Schema: "public", Name: "orders"}).Constraints {
		if c.Kind == schema.ForeignKey && c.Ref.Table.Name != "users" {
			t.Errorf("CURRENT's foreign key now references %s", c.Ref.Table)
		}
	}

	for _, tc := range []struct {
		name    string
		changes []diff.Change
		err     string
	}{
		{"drop a missing column", []diff.Change{diff.DropColumn{Table: cur.Tables[0], Column: des.Tables[0].Columns[2]}}, "apply DropColumn public.users.age: nothing to remove"},
		{"unsupported", []diff.Change{diff.Unsupported{What: "CREATE TRIGGER added or changed", Name: "t"}}, "unsupported: CREATE TRIGGER added or changed"},
		{"constraint twice", []diff.Change{diff.AddConstraint{Table: cur.Tables[0], Constraint: cur.Tables[0].Constraints[0]}}, "constraint exists"},
	} {
		if _, err := diff.Apply(cur, tc.changes); err == nil || !strings.Contains(err.Error(), tc.err) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.err)
		}
	}
}
